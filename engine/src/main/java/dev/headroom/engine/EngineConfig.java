package dev.headroom.engine;

import java.time.Duration;

/**
 * Engine-wide settings.
 *
 * @param tolerance the HPA tolerance around a usage ratio of 1 (default 0.1)
 * @param maxSampleAge samples older than this are treated as missing (fail static)
 */
public record EngineConfig(double tolerance, Duration maxSampleAge) {

  public static EngineConfig defaults() {
    return new EngineConfig(0.1, Duration.ofMinutes(5));
  }
}
