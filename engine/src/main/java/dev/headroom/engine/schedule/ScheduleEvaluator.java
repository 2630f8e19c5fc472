package dev.headroom.engine.schedule;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import dev.headroom.engine.model.ScheduleSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Evaluates 5-field cron schedules in an IANA time zone: is a window open at an instant, or within
 * its lead time (pre-scaling), and when does the next one start.
 *
 * <p>Cron expressions are matched against local wall-clock time (cron-utils, UNIX definition:
 * minute hour day-of-month month day-of-week, with the Vixie rule that a restricted day-of-month
 * and day-of-week match when either matches). Local start times are turned into instants by {@link
 * WallClock}'s DST rule, so a window whose start falls into the spring-forward gap opens when the
 * clocks jump, and a start in the repeated fall-back hour opens once. Durations and lead times are
 * physical time. Overlapping schedules: the largest {@code minReplicas} wins.
 *
 * <p>Pure: the instant is an argument; parsed expressions are memoised.
 */
public final class ScheduleEvaluator {

  private static final CronParser PARSER =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

  /** Wider than any zone's DST shift, so a search window around a transition is never short. */
  private static final Duration MARGIN = Duration.ofHours(3);

  /** Parsed expressions; parsing is pure, so the memo is shared and bounded. */
  private static final Map<String, ExecutionTime> EXECUTION_TIMES = new ConcurrentHashMap<>();

  private static final int MAX_CACHED = 4096;

  /** How far a cached state reaches into the future when no further start bounds it. */
  private static final Duration UNBOUNDED_SPAN = Duration.ofDays(1);

  /**
   * Parses and validates a 5-field cron expression.
   *
   * @throws IllegalArgumentException with the parser's message when it is not valid
   */
  public static Cron parse(String expression) {
    if (expression == null || expression.isBlank()) {
      throw new IllegalArgumentException("cron expression is empty");
    }
    // The cron library reads any Unicode digit ('\uff10' as 0); Unix cron and Kubernetes do not.
    if (!expression.chars().allMatch(c -> c < 128)) {
      throw new IllegalArgumentException("only ASCII characters are allowed");
    }
    return PARSER.parse(expression.trim()).validate();
  }

  /** All schedules at {@code now}; the highest floor among active or pre-scaling ones wins. */
  public ScheduleStatus evaluate(List<ScheduleSpec> schedules, Instant now) {
    List<WindowState> states = new ArrayList<>(schedules.size());
    for (ScheduleSpec schedule : schedules) {
      states.add(evaluate(schedule, now));
    }
    return ScheduleStatus.of(states);
  }

  /** One schedule at {@code now}. */
  public WindowState evaluate(ScheduleSpec schedule, Instant now) {
    ExecutionTime cron = executionTime(schedule.cron());
    ZoneId zone = ZoneId.of(schedule.timeZone());
    Duration duration = schedule.duration();
    Duration lead = schedule.leadTime() == null ? Duration.ZERO : schedule.leadTime();
    Optional<Instant> next = firstStartAfter(cron, zone, now);

    Optional<Instant> latest = latestStartAtOrBefore(cron, zone, now.plus(lead));
    if (latest.isPresent() && latest.get().plus(duration).isAfter(now)) {
      Instant start = latest.get();
      if (!start.isAfter(now)) {
        return state(schedule, WindowPhase.ACTIVE, start, next);
      }
      // The next window is within the lead time; an earlier one may still be open.
      Optional<Instant> previous = latestStartAtOrBefore(cron, zone, start.minusSeconds(1));
      if (previous.isPresent() && previous.get().plus(duration).isAfter(now)) {
        return state(schedule, WindowPhase.ACTIVE, previous.get(), next);
      }
      return state(schedule, WindowPhase.PRE_SCALE, start, next);
    }
    return new WindowState(
        schedule.name(),
        WindowPhase.INACTIVE,
        schedule.minReplicas(),
        Optional.empty(),
        Optional.empty(),
        next);
  }

  /**
   * One schedule at {@code now} and the longest interval around it in which a fresh evaluation
   * gives the same state. The state depends on the instant only through comparisons with window
   * starts {@code s} ({@code next}), {@code s - leadTime} (the latest start within the lead time),
   * and the current window's start and end; the interval is bounded by the nearest of those on
   * either side. Costs a few more cron look-ups than {@link #evaluate(ScheduleSpec, Instant)};
   * {@link ScheduleWindows} pays them once per interval.
   */
  WindowSegment segment(ScheduleSpec schedule, Instant now) {
    WindowState state = evaluate(schedule, now);
    ExecutionTime cron = executionTime(schedule.cron());
    ZoneId zone = ZoneId.of(schedule.timeZone());
    Duration duration = schedule.duration();
    Duration lead = schedule.leadTime() == null ? Duration.ZERO : schedule.leadTime();
    Instant horizon = now.plus(lead);
    // Unknown bounds (no start found on that side) are not extrapolated.
    Instant from = now;
    Instant until = now.plus(UNBOUNDED_SPAN);
    Optional<Instant> atOrBefore = latestStartAtOrBefore(cron, zone, now);
    if (atOrBefore.isPresent()) {
      from = atOrBefore.get();
    }
    Optional<Instant> next = state.nextStart();
    if (next.isPresent()) {
      until = earlier(until, next.get());
    }
    Optional<Instant> latest = latestStartAtOrBefore(cron, zone, horizon);
    if (latest.isEmpty()) {
      return new WindowSegment(now, until, state);
    }
    from = later(from, latest.get().minus(lead));
    Optional<Instant> following = firstStartAfter(cron, zone, horizon);
    if (following.isPresent()) {
      until = earlier(until, following.get().minus(lead));
    }
    Instant end = latest.get().plus(duration);
    if (!end.isAfter(now)) {
      return new WindowSegment(later(from, end), until, state);
    }
    until = earlier(until, end);
    if (!latest.get().isAfter(now)) {
      return new WindowSegment(later(from, latest.get()), until, state);
    }
    until = earlier(until, latest.get());
    Optional<Instant> previous = latestStartAtOrBefore(cron, zone, latest.get().minusSeconds(1));
    if (previous.isPresent()) {
      Instant previousEnd = previous.get().plus(duration);
      if (previousEnd.isAfter(now)) {
        until = earlier(until, previousEnd);
      } else {
        from = later(from, previousEnd);
      }
    }
    return new WindowSegment(from, until, state);
  }

  private static Instant earlier(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static WindowState state(
      ScheduleSpec schedule, WindowPhase phase, Instant start, Optional<Instant> next) {
    return new WindowState(
        schedule.name(),
        phase,
        schedule.minReplicas(),
        Optional.of(start),
        Optional.of(start.plus(schedule.duration())),
        next);
  }

  /** The latest window start {@code s} with {@code s <= horizon}. */
  Optional<Instant> latestStartAtOrBefore(ExecutionTime cron, ZoneId zone, Instant horizon) {
    LocalDateTime probe = WallClock.local(horizon.plus(MARGIN), zone);
    Optional<ZonedDateTime> candidate = cron.lastExecution(wall(probe));
    while (candidate.isPresent()) {
      Instant start = WallClock.instant(candidate.get().toLocalDateTime(), zone);
      if (!start.isAfter(horizon)) {
        return Optional.of(start);
      }
      candidate = cron.lastExecution(candidate.get());
    }
    return Optional.empty();
  }

  /** The first window start {@code s} with {@code s > after}. */
  Optional<Instant> firstStartAfter(ExecutionTime cron, ZoneId zone, Instant after) {
    LocalDateTime probe = WallClock.local(after.minus(MARGIN), zone);
    Optional<ZonedDateTime> candidate = cron.nextExecution(wall(probe));
    while (candidate.isPresent()) {
      Instant start = WallClock.instant(candidate.get().toLocalDateTime(), zone);
      if (start.isAfter(after)) {
        return Optional.of(start);
      }
      candidate = cron.nextExecution(candidate.get());
    }
    return Optional.empty();
  }

  /** Wall-clock times are handed to cron-utils as UTC, a zone without DST. */
  private static ZonedDateTime wall(LocalDateTime local) {
    return local.atZone(ZoneOffset.UTC);
  }

  /** The parsed expression, memoised. */
  public static ExecutionTime executionTime(String expression) {
    ExecutionTime known = EXECUTION_TIMES.get(expression);
    if (known != null) {
      return known;
    }
    if (EXECUTION_TIMES.size() >= MAX_CACHED) {
      EXECUTION_TIMES.clear();
    }
    ExecutionTime parsed = ExecutionTime.forCron(parse(expression));
    EXECUTION_TIMES.put(expression, parsed);
    return parsed;
  }
}
