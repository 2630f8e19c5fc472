package dev.headroom.operator.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.engine.model.ScheduleSpec;
import dev.headroom.engine.schedule.ScheduleEvaluator;
import dev.headroom.engine.schedule.WindowState;
import dev.headroom.operator.status.EventReasons;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ScheduleTransitionTest {

  static Condition active(boolean on, String message) {
    return new ConditionBuilder()
        .withType("ScheduleActive")
        .withStatus(on ? "True" : "False")
        .withMessage(message)
        .build();
  }

  @Test
  void enteringAWindowIsAStartedEventWithTheWindowNamed() {
    assertThat(ScheduleTransition.between(active(false, "none"), active(true, "schedule x open")))
        .contains(new ScheduleTransition(EventReasons.SCHEDULE_WINDOW_STARTED, "schedule x open"));
    assertThat(ScheduleTransition.between(null, active(true, "schedule x open")))
        .contains(new ScheduleTransition(EventReasons.SCHEDULE_WINDOW_STARTED, "schedule x open"));
  }

  @Test
  void leavingAWindowIsAnEndedEventNamingTheWindowThatClosed() {
    assertThat(ScheduleTransition.between(active(true, "schedule x open"), active(false, "none")))
        .contains(
            new ScheduleTransition(EventReasons.SCHEDULE_WINDOW_ENDED, "ended: schedule x open"));
    assertThat(ScheduleTransition.between(active(true, "schedule x open"), null))
        .map(ScheduleTransition::reason)
        .contains(EventReasons.SCHEDULE_WINDOW_ENDED);
  }

  @Test
  void noChangeIsNoEvent() {
    assertThat(ScheduleTransition.between(active(true, "a"), active(true, "b"))).isEmpty();
    assertThat(ScheduleTransition.between(active(false, "a"), active(false, "a"))).isEmpty();
    assertThat(ScheduleTransition.between(null, active(false, "a"))).isEmpty();
    assertThat(ScheduleTransition.between(null, null)).isEmpty();
  }

  @Test
  void theConditionSentenceNamesTheWindowInUtcAcrossTheSpringForward() {
    // Berlin moved to CEST on 2027-03-28: 09:00 local on Monday the 29th is 07:00Z.
    ScheduleSpec spec =
        new ScheduleSpec(
            "business-hours",
            "0 9 * * 1-5",
            "Europe/Berlin",
            Duration.ofHours(9),
            Duration.ofMinutes(10),
            5);
    WindowState leading =
        new ScheduleEvaluator().evaluate(spec, Instant.parse("2027-03-29T06:50:00Z"));
    WindowState open =
        new ScheduleEvaluator().evaluate(spec, Instant.parse("2027-03-29T07:00:00Z"));

    assertThat(ScheduleTransition.describe(leading))
        .isEqualTo(
            "schedule business-hours pre-scales to "
                + "at least 5 replicas: its window 2027-03-29T07:00:00Z – 2027-03-29T16:00:00Z opens within its "
                + "lead time");
    assertThat(ScheduleTransition.describe(open))
        .isEqualTo(
            "schedule business-hours raises the floor "
                + "to 5 replicas in its window 2027-03-29T07:00:00Z – 2027-03-29T16:00:00Z");
  }
}
