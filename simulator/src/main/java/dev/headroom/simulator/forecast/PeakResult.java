package dev.headroom.simulator.forecast;

import dev.headroom.simulator.sim.StrategyKind;

/**
 * Daily peaks of one strategy over the evaluation part of a trace (see {@link PeakMeter}).
 *
 * @param kind the strategy
 * @param peaks daily peaks measured
 * @param metBefore peaks whose demand the ready replicas carried a lead time before they arrived
 * @param metBeforeInBand same, with a replica serving up to the HPA tolerance band above its target
 *     ({@link PeakMeter#BAND})
 * @param metOnArrival peaks whose demand the ready replicas carried when they arrived
 * @param replicaHours pod-hours over the evaluation part
 * @param underMinutes minutes with fewer ready replicas than the demand
 */
public record PeakResult(
    StrategyKind kind,
    int peaks,
    int metBefore,
    int metBeforeInBand,
    int metOnArrival,
    double replicaHours,
    double underMinutes) {

  public double metBeforeShare() {
    return peaks == 0 ? Double.NaN : (double) metBefore / peaks;
  }

  public double metBeforeInBandShare() {
    return peaks == 0 ? Double.NaN : (double) metBeforeInBand / peaks;
  }

  public double metOnArrivalShare() {
    return peaks == 0 ? Double.NaN : (double) metOnArrival / peaks;
  }
}
