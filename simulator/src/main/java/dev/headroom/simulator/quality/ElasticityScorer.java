package dev.headroom.simulator.quality;

import java.util.Objects;

/**
 * Scores supply series against demand with the SPEC RG elasticity metrics, computed here from the
 * series alone (not by the simulator's own meters), on a window of steps.
 *
 * <p>Demand at a step is the oracle: {@code max(min, ceil(rate ÷ capacity))}, the ceiling taken in
 * milli-units as Kubernetes does (so 3.2 ÷ 0.1 is 32). Supply is the ready replicas; cost is every
 * pod, ready or starting.
 */
public final class ElasticityScorer {

  private final double capacity;
  private final int min;

  /**
   * @param capacity requests per second one ready replica serves
   * @param min the fewest replicas any strategy, the oracle included, runs
   */
  public ElasticityScorer(double capacity, int min) {
    if (!(capacity > 0) || min < 0) {
      throw new IllegalArgumentException(
          "need capacity > 0 and min >= 0, got " + capacity + ", " + min);
    }
    this.capacity = capacity;
    this.min = min;
  }

  /** The oracle's replicas for {@code rate}. */
  public int demand(double rate) {
    long rateMilli = ReferenceHpa.milli(rate);
    long capMilli = Math.max(1, ReferenceHpa.milli(capacity));
    long need = (rateMilli + capMilli - 1) / capMilli;
    return (int) Math.max(min, Math.min(Integer.MAX_VALUE, need));
  }

  /**
   * Scores steps {@code [from, rates.length)} of equal length {@code dt} seconds.
   *
   * @param rates true request rate per step
   * @param ready ready replicas per step
   * @param pods all pods per step
   */
  public ElasticityScore score(double[] rates, int[] ready, int[] pods, long dt, int from) {
    Objects.requireNonNull(rates, "rates");
    if (ready.length != rates.length || pods.length != rates.length) {
      throw new IllegalArgumentException(
          "rates, ready and pods must have the same length, got "
              + rates.length
              + ", "
              + ready.length
              + ", "
              + pods.length);
    }
    if (from < 0 || from >= rates.length || dt <= 0) {
      throw new IllegalArgumentException(
          "window starts at " + from + " of " + rates.length + " steps of " + dt + " s");
    }
    double under = 0;
    double over = 0;
    long underSteps = 0;
    long overSteps = 0;
    double podSteps = 0;
    double oracleSteps = 0;
    for (int k = from; k < rates.length; k++) {
      int d = demand(rates[k]);
      int s = ready[k];
      double divisor = Math.max(d, 1);
      if (s < d) {
        under += (d - s) / divisor;
        underSteps++;
      } else if (s > d) {
        over += (s - d) / divisor;
        overSteps++;
      }
      podSteps += pods[k];
      oracleSteps += d;
    }
    int n = rates.length - from;
    return new ElasticityScore(
        100 * under / n,
        100 * over / n,
        100.0 * underSteps / n,
        100.0 * overSteps / n,
        podSteps * dt / 3600,
        oracleSteps * dt / 3600);
  }
}
