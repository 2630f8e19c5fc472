package dev.headroom.engine;

import java.time.Duration;

/**
 * Engine-wide settings.
 *
 * @param tolerance the HPA tolerance around a usage ratio of 1 (default 0.1)
 * @param maxSampleAge samples older than this are treated as missing (fail static)
 * @param scaleUpTolerance the tolerance above a usage ratio of 1: how far load may exceed the
 *     target before replicas are added. Default: {@code tolerance}, the HPA's symmetric band. A
 *     smaller value keeps headroom instead of riding up to 10% above the target (as the Kubernetes
 *     1.33 {@code behavior.scaleUp.tolerance} does); 0 adds a replica as soon as the load exceeds
 *     what the current replicas are planned for. Costs replica-hours: see docs/benchmarks.md
 *     (scaling quality)
 */
public record EngineConfig(double tolerance, Duration maxSampleAge, double scaleUpTolerance) {

  public EngineConfig {
    if (!(tolerance >= 0) || !(scaleUpTolerance >= 0)) {
      throw new IllegalArgumentException(
          "tolerances must be >= 0, got " + tolerance + " and " + scaleUpTolerance);
    }
  }

  /** The HPA's symmetric tolerance band. */
  public EngineConfig(double tolerance, Duration maxSampleAge) {
    this(tolerance, maxSampleAge, tolerance);
  }

  public static EngineConfig defaults() {
    return new EngineConfig(0.1, Duration.ofMinutes(5));
  }

  /** A copy with another tolerance above a usage ratio of 1. */
  public EngineConfig withScaleUpTolerance(double value) {
    return new EngineConfig(tolerance, maxSampleAge, value);
  }
}
