package dev.headroom.engine.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.engine.model.ScheduleSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicySchedulesTest {

  static final List<ScheduleSpec> SCHEDULES =
      List.of(
          new ScheduleSpec(
              "business-hours",
              "0 8 * * 1-5",
              "Europe/Berlin",
              Duration.ofHours(10),
              Duration.ofMinutes(15),
              8),
          new ScheduleSpec(
              "nightly-batch",
              "30 1 * * *",
              "Europe/Berlin",
              Duration.ofHours(2),
              Duration.ofMinutes(10),
              5),
          new ScheduleSpec(
              "launch", "0 9 * * 1", "America/New_York", Duration.ofHours(4), Duration.ZERO, 8));

  @Test
  void equalsAFreshEvaluationEveryFiveMinutesOfAWeek() {
    PolicySchedules schedules = new PolicySchedules(SCHEDULES);
    ScheduleEvaluator evaluator = new ScheduleEvaluator();

    for (Instant t = Instant.parse("2026-03-26T00:00:00Z");
        t.isBefore(Instant.parse("2026-04-02T00:00:00Z"));
        t = t.plusSeconds(300)) {
      assertThat(schedules.at(t)).as("at %s", t).isEqualTo(evaluator.evaluate(SCHEDULES, t));
    }
  }

  @Test
  void returnsTheSameStatusWhileNoScheduleChangesState() {
    PolicySchedules schedules = new PolicySchedules(SCHEDULES);

    ScheduleStatus morning = schedules.at(Instant.parse("2026-03-02T08:00:00Z"));
    ScheduleStatus noon = schedules.at(Instant.parse("2026-03-02T11:00:00Z"));

    assertThat(noon).isSameAs(morning);
    assertThat(morning.winner()).map(WindowState::name).contains("business-hours");
  }

  @Test
  void aPolicyWithoutSchedulesHasNone() {
    assertThat(new PolicySchedules(List.of()).at(Instant.parse("2026-03-02T08:00:00Z")))
        .isSameAs(ScheduleStatus.NONE);
  }
}
