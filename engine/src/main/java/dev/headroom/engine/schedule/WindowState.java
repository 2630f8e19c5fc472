package dev.headroom.engine.schedule;

import java.time.Instant;
import java.util.Optional;

/**
 * One schedule evaluated at one instant.
 *
 * @param name the schedule's name
 * @param phase active, pre-scaling, or inactive
 * @param minReplicas the schedule's floor (applies unless inactive)
 * @param windowStart start of the window that is active or about to open
 * @param windowEnd its end (exclusive)
 * @param nextStart the first window start after the instant
 */
public record WindowState(
    String name,
    WindowPhase phase,
    int minReplicas,
    Optional<Instant> windowStart,
    Optional<Instant> windowEnd,
    Optional<Instant> nextStart) {

  /** Whether this schedule raises the floor now (active or pre-scaling). */
  public boolean raisesFloor() {
    return phase != WindowPhase.INACTIVE;
  }
}
