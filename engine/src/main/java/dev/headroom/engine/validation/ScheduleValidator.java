package dev.headroom.engine.validation;

import com.cronutils.model.time.ExecutionTime;
import dev.headroom.engine.model.ScheduleSpec;
import dev.headroom.engine.schedule.ScheduleEvaluator;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Rules for {@code spec.schedules[]} that a CRD schema cannot express. */
final class ScheduleValidator {

  /** Starts are scanned over one year from a fixed date: deterministic, covers every weekday. */
  private static final ZonedDateTime SCAN_FROM =
      ZonedDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

  private static final int MAX_SCANNED_STARTS = 1000;

  /** Results per cron expression: the scan is pure and costs a few milliseconds. */
  private static final Map<String, Optional<Duration>> INTERVALS = new ConcurrentHashMap<>();

  private static final int MAX_CACHED = 4096;

  void validate(List<ScheduleSpec> schedules, int maxReplicas, List<Violation> out) {
    Set<String> names = new HashSet<>();
    for (int i = 0; i < schedules.size(); i++) {
      ScheduleSpec s = schedules.get(i);
      String path = "spec.schedules[" + i + "]";
      Checks.notBlank(out, path + ".name", s.name());
      if (s.name() != null && !s.name().isBlank() && !names.add(s.name())) {
        out.add(new Violation(path + ".name", "duplicate schedule name '" + s.name() + "'"));
      }
      Optional<ExecutionTime> cron = cron(s, path, out);
      zone(s, path, out);
      Checks.positive(out, path + ".duration", s.duration());
      Checks.notNegative(out, path + ".leadTime", s.leadTime());
      Checks.atLeast(out, path + ".minReplicas", s.minReplicas(), 0);
      if (s.minReplicas() > maxReplicas) {
        out.add(
            new Violation(
                path + ".minReplicas",
                "exceeds spec.replicas.max (" + s.minReplicas() + " > " + maxReplicas + ")"));
      }
      if (cron.isPresent() && s.leadTime() != null && !s.leadTime().isNegative()) {
        shortestInterval(s.cron(), cron.get())
            .ifPresent(
                period -> {
                  if (s.leadTime().compareTo(period) >= 0) {
                    out.add(
                        new Violation(
                            path + ".leadTime",
                            "must be shorter than the shortest interval between two starts ("
                                + period
                                + "), got "
                                + s.leadTime()));
                  }
                });
      }
    }
  }

  private static Optional<ExecutionTime> cron(ScheduleSpec s, String path, List<Violation> out) {
    try {
      ExecutionTime time = ScheduleEvaluator.executionTime(s.cron());
      if (time.nextExecution(SCAN_FROM).isEmpty()) {
        out.add(new Violation(path + ".cron", "cron expression '" + s.cron() + "' never fires"));
        return Optional.empty();
      }
      return Optional.of(time);
    } catch (IllegalArgumentException e) {
      out.add(
          new Violation(
              path + ".cron",
              "invalid 5-field cron expression '" + s.cron() + "': " + e.getMessage()));
      return Optional.empty();
    }
  }

  private static void zone(ScheduleSpec s, String path, List<Violation> out) {
    if (s.timeZone() == null || s.timeZone().isBlank()) {
      out.add(new Violation(path + ".timeZone", "must not be empty"));
      return;
    }
    try {
      ZoneId.of(s.timeZone());
    } catch (DateTimeException e) {
      out.add(new Violation(path + ".timeZone", "unknown IANA time zone '" + s.timeZone() + "'"));
    }
  }

  /** Shortest gap between consecutive starts (wall clock) within a year, if it fires twice. */
  private static Optional<Duration> shortestInterval(String expression, ExecutionTime cron) {
    Optional<Duration> known = INTERVALS.get(expression);
    if (known != null) {
      return known;
    }
    if (INTERVALS.size() >= MAX_CACHED) {
      INTERVALS.clear();
    }
    Optional<Duration> interval = scanShortestInterval(cron);
    INTERVALS.put(expression, interval);
    return interval;
  }

  private static Optional<Duration> scanShortestInterval(ExecutionTime cron) {
    Optional<ZonedDateTime> previous = cron.nextExecution(SCAN_FROM);
    ZonedDateTime end = SCAN_FROM.plusYears(1);
    Duration shortest = null;
    for (int n = 0; n < MAX_SCANNED_STARTS && previous.isPresent(); n++) {
      Optional<ZonedDateTime> next = cron.nextExecution(previous.get());
      if (next.isEmpty() || next.get().isAfter(end)) {
        break;
      }
      Duration gap = Duration.between(previous.get(), next.get());
      if (shortest == null || gap.compareTo(shortest) < 0) {
        shortest = gap;
      }
      previous = next;
    }
    return Optional.ofNullable(shortest);
  }
}
