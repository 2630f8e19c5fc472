package dev.headroom.engine.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;

/**
 * Maps between instants and local wall-clock times of one zone, with Headroom's documented rule for
 * the two DST anomalies:
 *
 * <ul>
 *   <li>a local time inside a spring-forward gap (e.g. 02:30 in Europe/Berlin on the last Sunday of
 *       March) maps to the end of the gap: the instant the clocks jump (03:00 local);
 *   <li>a local time inside a fall-back overlap (e.g. 01:30 in America/New_York on the first Sunday
 *       of November) maps to its first occurrence (the earlier, daylight-time offset).
 * </ul>
 *
 * Under this rule the mapping from local time to instant never goes backwards, and each local time
 * happens exactly once: a daily job fires exactly once a day, DST or not.
 */
final class WallClock {

  private WallClock() {}

  static LocalDateTime local(Instant instant, ZoneId zone) {
    return LocalDateTime.ofInstant(instant, zone);
  }

  static Instant instant(LocalDateTime local, ZoneId zone) {
    ZoneOffsetTransition transition = zone.getRules().getTransition(local);
    if (transition == null) {
      return local.atZone(zone).toInstant();
    }
    if (transition.isGap()) {
      return transition.getInstant();
    }
    return local.toInstant(transition.getOffsetBefore());
  }
}
