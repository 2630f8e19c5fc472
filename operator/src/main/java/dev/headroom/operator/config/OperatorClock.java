package dev.headroom.operator.config;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The one clock every part of the operator reads: decisions, schedules, forecast query ranges,
 * status timestamps and Events. By default the system clock; with {@code headroom.clock.start} it
 * starts at that instant and ticks at real speed, so a replay or a test can put the operator a few
 * minutes before a schedule window or a forecast peak.
 */
public final class OperatorClock {

  static final String PROPERTY = "headroom.clock.start";

  private OperatorClock() {}

  /**
   * @param start the configured start, if any
   * @param system the real clock the returned clock ticks with
   * @throws IllegalArgumentException naming the property when {@code start} is not an ISO-8601
   *     instant
   */
  public static Clock of(Optional<String> start, Clock system) {
    if (start.isEmpty() || start.get().isBlank()) {
      return system;
    }
    Instant at;
    try {
      at = Instant.parse(start.get().trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          PROPERTY
              + " (HEADROOM_CLOCK_START) is '"
              + start.get()
              + "', not an ISO-8601 instant such as 2027-03-29T06:49:00Z",
          e);
    }
    return Clock.offset(system, Duration.between(system.instant(), at));
  }
}
