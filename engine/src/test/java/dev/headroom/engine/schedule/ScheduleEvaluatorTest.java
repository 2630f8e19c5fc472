package dev.headroom.engine.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.headroom.engine.model.ScheduleSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ScheduleEvaluatorTest {

  private final ScheduleEvaluator evaluator = new ScheduleEvaluator();

  static ScheduleSpec schedule(String cron, String zone, Duration duration, Duration lead) {
    return new ScheduleSpec("s", cron, zone, duration, lead, 10);
  }

  static Instant at(String instant) {
    return Instant.parse(instant);
  }

  /** All window starts in [from, to), found by walking firstStartAfter. */
  List<Instant> startsBetween(ScheduleSpec s, Instant from, Instant to) {
    List<Instant> starts = new ArrayList<>();
    Instant cursor = from.minusNanos(1);
    while (true) {
      Optional<Instant> next = evaluator.evaluate(s, cursor).nextStart();
      if (next.isEmpty() || !next.get().isBefore(to)) {
        return starts;
      }
      starts.add(next.get());
      cursor = next.get();
    }
  }

  @Nested
  class Basics {
    final ScheduleSpec morning =
        new ScheduleSpec(
            "weekday-morning",
            "0 9 * * 1-5",
            "Europe/Berlin",
            Duration.ofHours(2),
            Duration.ofMinutes(15),
            10);

    @Test
    void preScalesWithinTheLeadTime() {
      // Monday 2026-03-02 08:50 CET = 07:50Z
      WindowState state = evaluator.evaluate(morning, at("2026-03-02T07:50:00Z"));

      assertThat(state.phase()).isEqualTo(WindowPhase.PRE_SCALE);
      assertThat(state.windowStart()).contains(at("2026-03-02T08:00:00Z"));
      assertThat(state.raisesFloor()).isTrue();
    }

    @Test
    void isActiveFromTheStartUntilJustBeforeTheEnd() {
      assertThat(evaluator.evaluate(morning, at("2026-03-02T08:00:00Z")).phase())
          .isEqualTo(WindowPhase.ACTIVE);
      assertThat(evaluator.evaluate(morning, at("2026-03-02T09:59:59Z")).phase())
          .isEqualTo(WindowPhase.ACTIVE);
      WindowState after = evaluator.evaluate(morning, at("2026-03-02T10:00:00Z"));
      assertThat(after.phase()).isEqualTo(WindowPhase.INACTIVE);
      assertThat(after.nextStart()).contains(at("2026-03-03T08:00:00Z"));
    }

    @Test
    void beforeTheLeadTimeNothingHappens() {
      WindowState state = evaluator.evaluate(morning, at("2026-03-02T07:44:59Z"));

      assertThat(state.phase()).isEqualTo(WindowPhase.INACTIVE);
      assertThat(state.nextStart()).contains(at("2026-03-02T08:00:00Z"));
    }

    @Test
    void weekendsAreSkipped() {
      // Friday 2026-03-06 after the window: next is Monday 2026-03-09.
      WindowState state = evaluator.evaluate(morning, at("2026-03-06T12:00:00Z"));

      assertThat(state.nextStart()).contains(at("2026-03-09T08:00:00Z"));
    }

    @Test
    void invalidExpressionsAreRejectedWithTheParsersMessage() {
      assertThatThrownBy(() -> ScheduleEvaluator.parse("61 * * * *"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("Value 61 not in range [0, 59]");
      assertThatThrownBy(() -> ScheduleEvaluator.parse("* * *"))
          .hasMessageContaining("Cron expression contains 3 parts");
    }
  }

  @Nested
  class DaylightSaving {

    @Test
    void berlinSpringForwardStartInTheGapOpensWhenTheClocksJump() {
      // 2026-03-29: 02:00 CET -> 03:00 CEST; 02:30 does not exist and opens at 03:00 CEST.
      ScheduleSpec s = schedule("30 2 * * *", "Europe/Berlin", Duration.ofHours(1), Duration.ZERO);

      assertThat(evaluator.evaluate(s, at("2026-03-29T00:59:59Z")).phase())
          .isEqualTo(WindowPhase.INACTIVE);
      WindowState open = evaluator.evaluate(s, at("2026-03-29T01:00:00Z"));
      assertThat(open.phase()).isEqualTo(WindowPhase.ACTIVE);
      assertThat(open.windowStart()).contains(at("2026-03-29T01:00:00Z"));
      assertThat(open.windowEnd()).contains(at("2026-03-29T02:00:00Z"));
      assertThat(startsBetween(s, at("2026-03-28T00:00:00Z"), at("2026-03-31T00:00:00Z")))
          .containsExactly(
              at("2026-03-28T01:30:00Z"), // 02:30 CET
              at("2026-03-29T01:00:00Z"), // gap: 03:00 CEST
              at("2026-03-30T00:30:00Z")); // 02:30 CEST
    }

    @Test
    void newYorkSpringForwardStartInTheGapOpensWhenTheClocksJump() {
      // 2026-03-08: 02:00 EST -> 03:00 EDT.
      ScheduleSpec s =
          schedule("30 2 * * *", "America/New_York", Duration.ofMinutes(30), Duration.ZERO);

      assertThat(startsBetween(s, at("2026-03-07T00:00:00Z"), at("2026-03-10T00:00:00Z")))
          .containsExactly(
              at("2026-03-07T07:30:00Z"), // 02:30 EST
              at("2026-03-08T07:00:00Z"), // gap: 03:00 EDT
              at("2026-03-09T06:30:00Z")); // 02:30 EDT
    }

    @Test
    void newYorkFallBackRepeatedHourFiresOnceAtTheFirstOccurrence() {
      // 2026-11-01: 02:00 EDT -> 01:00 EST; 01:30 happens twice (05:30Z and 06:30Z).
      ScheduleSpec s =
          schedule("30 1 * * *", "America/New_York", Duration.ofMinutes(30), Duration.ZERO);

      assertThat(evaluator.evaluate(s, at("2026-11-01T05:45:00Z")).phase())
          .isEqualTo(WindowPhase.ACTIVE);
      assertThat(evaluator.evaluate(s, at("2026-11-01T06:45:00Z")).phase())
          .isEqualTo(WindowPhase.INACTIVE);
      assertThat(startsBetween(s, at("2026-10-31T00:00:00Z"), at("2026-11-03T00:00:00Z")))
          .containsExactly(
              at("2026-10-31T05:30:00Z"), // 01:30 EDT
              at("2026-11-01T05:30:00Z"), // first 01:30, EDT
              at("2026-11-02T06:30:00Z")); // 01:30 EST
    }

    @Test
    void berlinFallBackRepeatedHourFiresOnce() {
      // 2026-10-25: 03:00 CEST -> 02:00 CET; 02:30 happens at 00:30Z and 01:30Z.
      ScheduleSpec s =
          schedule("30 2 * * *", "Europe/Berlin", Duration.ofMinutes(30), Duration.ZERO);

      assertThat(startsBetween(s, at("2026-10-24T12:00:00Z"), at("2026-10-26T12:00:00Z")))
          .containsExactly(at("2026-10-25T00:30:00Z"), at("2026-10-26T01:30:00Z"));
    }

    @Test
    void hourlyJobOnFallBackDayRunsOncePerLocalHour() {
      ScheduleSpec s =
          schedule("0 * * * *", "America/New_York", Duration.ofMinutes(10), Duration.ZERO);

      // 00:00 EDT, 01:00 EDT, then 02:00 EST: the repeated 01:00 (EST) is not a second start.
      assertThat(startsBetween(s, at("2026-11-01T04:00:00Z"), at("2026-11-01T07:30:00Z")))
          .containsExactly(
              at("2026-11-01T04:00:00Z"), at("2026-11-01T05:00:00Z"), at("2026-11-01T07:00:00Z"));
    }

    @Test
    void dailyJobFiresExactlyOncePerLocalDayAcrossAYearOfTransitions() {
      ScheduleSpec s =
          schedule("30 2 * * *", "Europe/Berlin", Duration.ofMinutes(5), Duration.ZERO);
      ZoneId berlin = ZoneId.of("Europe/Berlin");

      List<Instant> starts =
          startsBetween(s, at("2025-12-31T23:00:00Z"), at("2026-12-31T23:00:00Z"));

      assertThat(starts).hasSize(365);
      assertThat(starts.stream().map(i -> LocalDate.ofInstant(i, berlin)).distinct().count())
          .isEqualTo(365);
    }
  }

  @Nested
  class Boundaries {

    @Test
    void windowCrossingMidnightStaysOpenAfterMidnight() {
      ScheduleSpec s = schedule("0 23 * * *", "UTC", Duration.ofHours(2), Duration.ZERO);

      WindowState state = evaluator.evaluate(s, at("2026-03-03T00:30:00Z"));

      assertThat(state.phase()).isEqualTo(WindowPhase.ACTIVE);
      assertThat(state.windowStart()).contains(at("2026-03-02T23:00:00Z"));
      assertThat(evaluator.evaluate(s, at("2026-03-03T01:00:00Z")).phase())
          .isEqualTo(WindowPhase.INACTIVE);
    }

    @Test
    void sundayNightWindowCrossesIntoMonday() {
      // Sunday 2026-03-08 23:00 CET (22:00Z) for 2 h: open Monday 00:30 CET, closed at 01:00.
      ScheduleSpec s = schedule("0 23 * * 0", "Europe/Berlin", Duration.ofHours(2), Duration.ZERO);

      WindowState monday = evaluator.evaluate(s, at("2026-03-08T23:30:00Z"));
      assertThat(monday.phase()).isEqualTo(WindowPhase.ACTIVE);
      assertThat(monday.windowStart()).contains(at("2026-03-08T22:00:00Z"));
      assertThat(evaluator.evaluate(s, at("2026-03-09T00:00:00Z")).phase())
          .isEqualTo(WindowPhase.INACTIVE);
      assertThat(evaluator.evaluate(s, at("2026-03-09T00:00:00Z")).nextStart())
          .contains(at("2026-03-15T22:00:00Z"));
    }

    @Test
    void leadTimeCrossesMidnightBackwards() {
      // 00:30 UTC with a 1 h lead: the floor rises at 23:30 the day before.
      ScheduleSpec s = schedule("30 0 * * *", "UTC", Duration.ofHours(1), Duration.ofHours(1));

      assertThat(evaluator.evaluate(s, at("2026-03-02T23:29:59Z")).phase())
          .isEqualTo(WindowPhase.INACTIVE);
      WindowState state = evaluator.evaluate(s, at("2026-03-02T23:30:00Z"));
      assertThat(state.phase()).isEqualTo(WindowPhase.PRE_SCALE);
      assertThat(state.windowStart()).contains(at("2026-03-03T00:30:00Z"));
    }

    @Test
    void leadTimeCrossesTheWeekBoundary() {
      // Monday 06:00 Europe/Berlin with 8 h lead: pre-scaling starts Sunday 22:00 local.
      ScheduleSpec s =
          schedule("0 6 * * 1", "Europe/Berlin", Duration.ofHours(1), Duration.ofHours(8));

      assertThat(evaluator.evaluate(s, at("2026-03-08T21:00:00Z")).phase()) // Sun 22:00 CET
          .isEqualTo(WindowPhase.PRE_SCALE);
      assertThat(evaluator.evaluate(s, at("2026-03-08T20:59:00Z")).phase())
          .isEqualTo(WindowPhase.INACTIVE);
    }

    @Test
    void anOpenWindowWinsOverTheLeadTimeOfTheNextOne() {
      ScheduleSpec s = schedule("0 * * * *", "UTC", Duration.ofMinutes(50), Duration.ofMinutes(15));

      WindowState open = evaluator.evaluate(s, at("2026-03-02T10:48:00Z"));
      assertThat(open.phase()).isEqualTo(WindowPhase.ACTIVE);
      assertThat(open.windowStart()).contains(at("2026-03-02T10:00:00Z"));
      WindowState lead = evaluator.evaluate(s, at("2026-03-02T10:52:00Z"));
      assertThat(lead.phase()).isEqualTo(WindowPhase.PRE_SCALE);
      assertThat(lead.windowStart()).contains(at("2026-03-02T11:00:00Z"));
    }
  }

  @Nested
  class Overlaps {

    @Test
    void theHighestFloorWinsAmongOpenAndPreScalingWindows() {
      ScheduleSpec business =
          new ScheduleSpec(
              "business-hours", "0 8 * * *", "UTC", Duration.ofHours(10), Duration.ZERO, 5);
      ScheduleSpec lunch =
          new ScheduleSpec(
              "lunch-peak", "0 12 * * *", "UTC", Duration.ofHours(2), Duration.ofMinutes(30), 12);
      ScheduleSpec night =
          new ScheduleSpec(
              "night-batch", "0 1 * * *", "UTC", Duration.ofHours(2), Duration.ZERO, 30);

      ScheduleStatus status =
          evaluator.evaluate(List.of(business, lunch, night), at("2026-03-02T11:45:00Z"));

      assertThat(status.active()).isTrue();
      assertThat(status.winner().map(WindowState::name)).contains("lunch-peak");
      assertThat(status.minReplicas()).hasValue(12);
      assertThat(status.windows())
          .extracting(WindowState::phase)
          .containsExactly(WindowPhase.ACTIVE, WindowPhase.PRE_SCALE, WindowPhase.INACTIVE);
    }

    @Test
    void tiesGoToTheFirstSchedule() {
      ScheduleSpec a =
          new ScheduleSpec("a", "0 8 * * *", "UTC", Duration.ofHours(2), Duration.ZERO, 7);
      ScheduleSpec b =
          new ScheduleSpec("b", "0 9 * * *", "UTC", Duration.ofHours(2), Duration.ZERO, 7);

      ScheduleStatus status = evaluator.evaluate(List.of(a, b), at("2026-03-02T09:30:00Z"));

      assertThat(status.winner().map(WindowState::name)).contains("a");
    }

    @Test
    void noWindowNoFloor() {
      ScheduleSpec a =
          new ScheduleSpec("a", "0 8 * * *", "UTC", Duration.ofHours(2), Duration.ZERO, 7);

      ScheduleStatus status = evaluator.evaluate(List.of(a), at("2026-03-02T12:00:00Z"));

      assertThat(status.active()).isFalse();
      assertThat(status.minReplicas()).isEmpty();
    }
  }
}
