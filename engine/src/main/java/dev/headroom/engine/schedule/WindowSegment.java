package dev.headroom.engine.schedule;

import java.time.Instant;

/**
 * A schedule's state and the interval {@code [from, until)} in which it holds: a fresh evaluation
 * at any instant of the interval gives an equal state.
 */
record WindowSegment(Instant from, Instant until, WindowState state) {

  boolean covers(Instant t) {
    return !t.isBefore(from) && t.isBefore(until);
  }
}
