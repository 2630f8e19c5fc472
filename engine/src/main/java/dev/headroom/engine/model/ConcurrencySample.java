package dev.headroom.engine.model;

import java.time.Instant;

/**
 * Inputs of Little's law: arrival rate (requests per second) and latency (seconds), both worst-case
 * figures.
 */
public record ConcurrencySample(Instant timestamp, double ratePerSecond, double latencySeconds) {

  /** In-flight requests: rate x latency. */
  public double inFlight() {
    return ratePerSecond * latencySeconds;
  }
}
