package dev.headroom.engine.schedule;

import dev.headroom.engine.model.ScheduleSpec;
import java.time.Instant;
import java.util.Arrays;

/**
 * One schedule's states, computed once per interval in which they hold. Between two window starts,
 * ends or lead-time openings the state of a schedule does not change, so a host that decides every
 * few seconds needs the cron expression only a few times a day: the first evaluation in an interval
 * computes the state and the interval ({@link ScheduleEvaluator#segment}), every further one in it
 * is a binary search returning the same {@link WindowState} object.
 *
 * <p>Keeps at most {@value #MAX_SEGMENTS} intervals, dropping the earliest, so that a host going
 * forward in time holds a bounded cache while one replaying a fixed span (a benchmark, a
 * simulation) never evaluates an interval twice. Thread-safe: the intervals are an immutable array
 * replaced as a whole; two threads missing at once both compute the same answer.
 */
public final class ScheduleWindows {

  static final int MAX_SEGMENTS = 64;

  private final ScheduleSpec schedule;
  private final ScheduleEvaluator evaluator;
  private volatile WindowSegment[] segments = new WindowSegment[0];

  public ScheduleWindows(ScheduleSpec schedule) {
    this(schedule, new ScheduleEvaluator());
  }

  ScheduleWindows(ScheduleSpec schedule, ScheduleEvaluator evaluator) {
    this.schedule = schedule;
    this.evaluator = evaluator;
  }

  public ScheduleSpec schedule() {
    return schedule;
  }

  /**
   * The schedule at {@code now}; equal to {@code new ScheduleEvaluator().evaluate(schedule, now)}.
   */
  public WindowState at(Instant now) {
    WindowSegment[] known = segments;
    int i = lastStartingAtOrBefore(known, now);
    if (i >= 0 && known[i].covers(now)) {
      return known[i].state();
    }
    WindowSegment fresh = evaluator.segment(schedule, now);
    segments = inserted(known, fresh);
    return fresh.state();
  }

  /** Intervals held now (for tests). */
  int size() {
    return segments.length;
  }

  private static int lastStartingAtOrBefore(WindowSegment[] known, Instant t) {
    int lo = 0;
    int hi = known.length - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (known[mid].from().isAfter(t)) {
        hi = mid - 1;
      } else {
        found = mid;
        lo = mid + 1;
      }
    }
    return found;
  }

  /** A sorted copy with {@code fresh} in it, without the intervals it overlaps. */
  private static WindowSegment[] inserted(WindowSegment[] known, WindowSegment fresh) {
    WindowSegment[] kept = new WindowSegment[known.length + 1];
    int n = 0;
    for (WindowSegment s : known) {
      boolean overlaps = s.from().isBefore(fresh.until()) && fresh.from().isBefore(s.until());
      if (!overlaps) {
        kept[n++] = s;
      }
    }
    kept[n++] = fresh;
    WindowSegment[] sorted = Arrays.copyOf(kept, n);
    Arrays.sort(sorted, (a, b) -> a.from().compareTo(b.from()));
    if (sorted.length > MAX_SEGMENTS) {
      return Arrays.copyOfRange(sorted, sorted.length - MAX_SEGMENTS, sorted.length);
    }
    return sorted;
  }
}
