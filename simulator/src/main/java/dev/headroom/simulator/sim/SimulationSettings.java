package dev.headroom.simulator.sim;

import java.time.Duration;
import java.util.OptionalInt;

/**
 * The simulated cluster.
 *
 * @param startupDelay from a scale-up until the new pods are ready and serve (default 30 s)
 * @param metricDelay how old the load value is when an autoscaler reads it: scrape interval plus
 *     rule/adapter aggregation (default 30 s)
 * @param metricWindow the rate window the load query averages over, as in {@code
 *     rate(http_requests_total[2m])} (default 2 min; 0 for the instantaneous rate)
 * @param reconcileInterval how often Headroom and the HPA decide (default 15 s, the HPA's sync
 *     period and Headroom's)
 * @param latency request latency fed to concurrency signals (Little's law), in seconds (default
 *     0.2)
 * @param baselinePool connection pool per pod of the baselines; empty: each policy's {@code
 *     poolSize.max}, the pool an application configures when nothing sizes it
 * @param capacityFactor what one ready replica serves, as a multiple of its per-replica target
 *     (default 1: a replica serves exactly its target, so running above the target counts as
 *     under-provisioned; 1.1 takes the HPA's 10% tolerance band as served)
 */
public record SimulationSettings(
    Duration startupDelay,
    Duration metricDelay,
    Duration metricWindow,
    Duration reconcileInterval,
    double latency,
    OptionalInt baselinePool,
    double capacityFactor) {

  /** Share of the replicas a Deployment surges by default (rollingUpdate.maxSurge 25%). */
  public static final double DEFAULT_SURGE_SHARE = 0.25;

  public SimulationSettings {
    requireWholeSeconds("startup delay", startupDelay, true);
    requireWholeSeconds("metric delay", metricDelay, true);
    requireWholeSeconds("metric window", metricWindow, true);
    requireWholeSeconds("reconcile interval", reconcileInterval, false);
    if (!(latency > 0) || Double.isInfinite(latency)) {
      throw new IllegalArgumentException(
          "latency must be a positive number of seconds, got " + latency);
    }
    if (!(capacityFactor > 0) || Double.isInfinite(capacityFactor)) {
      throw new IllegalArgumentException(
          "capacity factor must be a positive number, got " + capacityFactor);
    }
    if (baselinePool.isPresent() && baselinePool.getAsInt() < 1) {
      throw new IllegalArgumentException(
          "baseline pool must be >= 1, got " + baselinePool.getAsInt());
    }
  }

  public static SimulationSettings defaults() {
    return new SimulationSettings(
        Duration.ofSeconds(30),
        Duration.ofSeconds(30),
        Duration.ofMinutes(2),
        Duration.ofSeconds(15),
        0.2,
        OptionalInt.empty(),
        1.0);
  }

  public SimulationSettings withReconcileInterval(Duration value) {
    return new SimulationSettings(
        startupDelay, metricDelay, metricWindow, value, latency, baselinePool, capacityFactor);
  }

  public SimulationSettings withCapacityFactor(double value) {
    return new SimulationSettings(
        startupDelay, metricDelay, metricWindow, reconcileInterval, latency, baselinePool, value);
  }

  private static void requireWholeSeconds(String what, Duration d, boolean zeroAllowed) {
    if (d == null || d.isNegative() || (!zeroAllowed && d.isZero()) || d.getNano() != 0) {
      throw new IllegalArgumentException(
          what
              + " must be a whole number of seconds"
              + (zeroAllowed ? "" : " greater than 0")
              + ", got "
              + d);
    }
  }
}
