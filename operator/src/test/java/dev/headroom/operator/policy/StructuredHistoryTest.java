package dev.headroom.operator.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.engine.model.Decision;
import dev.headroom.engine.model.Limit;
import dev.headroom.engine.model.Mode;
import dev.headroom.engine.model.Recommendation;
import dev.headroom.engine.model.ScalingHistory;
import dev.headroom.engine.model.Source;
import dev.headroom.operator.api.v1alpha1.DecisionRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * A history entry keeps the engine's whole explanation and every source's input as fields, so a
 * long explanation is never cut (it used to be cut at 512 characters, losing its end first).
 */
class StructuredHistoryTest {

  private static final Instant NOW = Instant.parse("2026-12-05T08:00:00Z");

  static Decision decision(List<String> reasons) {
    return new Decision(
        "shop/checkout",
        NOW,
        4,
        8,
        OptionalInt.of(9),
        List.of(
            new Recommendation(Source.REACTIVE, 8, "requests 180 / 25 per replica -> 8"),
            new Recommendation(Source.BOUNDS, 2, "replicas.min 2")),
        Source.REACTIVE,
        Limit.BUDGET,
        reasons,
        ScalingHistory.empty(),
        true,
        true,
        false,
        Optional.empty(),
        true,
        Mode.ENFORCE,
        false);
  }

  @Test
  void aLongExplanationIsKeptWholeAndTheEndIsNotLost() {
    String longReason =
        "budget 'shop/postgres' grants 90 connections; " + "x".repeat(900) + " THE END";
    DecisionRecord r =
        PolicyStatusWriter.record(
            NOW,
            4,
            8,
            20,
            9,
            decision(List.of("reactive: requests 180 / 25 per replica -> 8", longReason)),
            "replicas 4 → 8, pool 20 → 9",
            List.of("replicas 4 → 8", "pool 20 → 9"),
            false);

    assertThat(r.getReasons())
        .containsExactly("reactive: requests 180 / 25 per replica -> 8", longReason);
    assertThat(r.getReasons().get(1)).endsWith("THE END");
    assertThat(r.getReason()).isEqualTo("replicas 4 → 8, pool 20 → 9");
    assertThat(r.getActions()).containsExactly("replicas 4 → 8", "pool 20 → 9");
  }

  @Test
  void everySourceInputIsKeptWithTheEntry() {
    DecisionRecord r =
        PolicyStatusWriter.record(
            NOW,
            4,
            8,
            20,
            9,
            decision(List.of("why")),
            "replicas 4 → 8",
            List.of("replicas 4 → 8"),
            true);

    assertThat(r.getInputs())
        .extracting(i -> i.getSource() + "=" + i.getReplicas() + ": " + i.getDetail())
        .containsExactly(
            "Reactive=8: requests 180 / 25 per replica -> 8", "Bounds=2: replicas.min 2");
    assertThat(r.getWinner()).isEqualTo("Reactive");
    assertThat(r.getLimitedBy()).isEqualTo("Budget");
    assertThat(r.getDryRun()).isTrue();
  }
}
