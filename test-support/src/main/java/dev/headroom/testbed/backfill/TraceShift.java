package dev.headroom.testbed.backfill;

import dev.headroom.testbed.Prometheus.Alignment;
import java.time.Instant;
import java.util.List;

/**
 * How a trace is moved in time so that its last interval ends at or before {@code end}: by a whole
 * number of steps (the trace's interval, a day or a week, never less than the interval), as late as
 * possible.
 */
public record TraceShift(long intervalSeconds, long shiftSeconds) {

  private static final long DAY = 86_400;

  /** The shift of {@code points} (at least two, in increasing time) to end near {@code end}. */
  public static TraceShift fit(List<TracePoint> points, Instant end, Alignment alignment) {
    if (points.size() < 2) {
      throw new IllegalArgumentException("a trace needs at least two rows, found " + points.size());
    }
    long interval = Long.MAX_VALUE;
    for (int i = 1; i < points.size(); i++) {
      interval = Math.min(interval, points.get(i).epochSecond() - points.get(i - 1).epochSecond());
    }
    if (interval <= 0) {
      throw new IllegalArgumentException("trace timestamps must increase");
    }
    long step =
        Math.max(
            interval,
            switch (alignment) {
              case INTERVAL -> interval;
              case DAY -> DAY;
              case WEEK -> 7 * DAY;
            });
    long lastStart = points.get(points.size() - 1).epochSecond();
    long targetEnd = end.getEpochSecond() - interval;
    return new TraceShift(interval, Math.floorDiv(targetEnd - lastStart, step) * step);
  }
}
