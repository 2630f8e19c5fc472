package dev.headroom.operator.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.operator.api.v1alpha1.DecisionRecord;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineDecisionTest {

  private static final Instant T0 = Instant.parse("2026-12-05T08:00:00Z");

  private static DecisionRecord record(Instant at, String reason) {
    DecisionRecord r = new DecisionRecord();
    r.setTime(at.toString());
    r.setReason(reason);
    r.setWinner("Reactive");
    r.setLimitedBy("None");
    return r;
  }

  @Test
  void aDecisionInBothTheRoundsAndStatusIsListedOnceFromTheRounds() {
    List<TimelineDecision> merged =
        TimelineDecision.merge(
            List.of(
                Entries.round(
                    "shop", "a", T0.plusSeconds(10), 4, 8, "applied", List.of("replicas 4 → 8"))),
            List.of(record(T0, "first observed"), record(T0.plusSeconds(10), "replicas 4 → 8")));

    assertThat(merged).extracting(TimelineDecision::time).containsExactly(T0, T0.plusSeconds(10));
    assertThat(merged.get(1).inputs()).containsExactly("Reactive 10: requests 180 / 25 -> 8");
  }

  @Test
  void roundsThatChangedNothingAreNoDecisions() {
    assertThat(
            TimelineDecision.merge(
                List.of(Entries.round("shop", "a", T0, 4, 4, "none", List.of())), List.of()))
        .isEmpty();
  }

  @Test
  void aDryRunRoundSaysWhatItWouldHaveDone() {
    TimelineDecision d =
        TimelineDecision.merge(
                List.of(Entries.round("shop", "a", T0, 4, 8, "dry_run", List.of("replicas 4 → 8"))),
                List.of())
            .get(0);

    assertThat(d.what()).isEqualTo("would set replicas 4 → 8");
    assertThat(d.dryRun()).isTrue();
  }

  @Test
  void anEntryWithAnUnreadableTimeIsLeftOut() {
    assertThat(TimelineDecision.merge(List.of(), List.of(record(T0, "x"), badTime()))).hasSize(1);
  }

  private static DecisionRecord badTime() {
    DecisionRecord r = record(T0, "edited by hand");
    r.setTime("yesterday");
    return r;
  }
}
