package dev.headroom.operator.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.operator.api.v1alpha1.DecisionRecord;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A round that scaled the target and then lost its status write (found by the fault run: kill -9, a
 * lost answer, a 409) must not leave history without the change: the next round records it.
 */
class UnexplainedChangeTest {

  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

  private static DecisionRecord entry(int toReplicas, Integer toPool, Boolean dryRun) {
    DecisionRecord r = new DecisionRecord();
    r.setTime("2026-11-23T11:59:00Z");
    r.setFromReplicas(1);
    r.setToReplicas(toReplicas);
    r.setToPool(toPool);
    r.setDryRun(dryRun);
    return r;
  }

  @Test
  void nothingWhenTheTargetRunsWhatTheLastEntrySays() {
    assertThat(PolicyStatusWriter.unexplainedChange(List.of(entry(4, 8, null)), 4, 4, 8, NOW))
        .isEmpty();
  }

  @Test
  void replicasTheLastEntryDoesNotExplainAreRecordedAsFound() {
    DecisionRecord r =
        PolicyStatusWriter.unexplainedChange(List.of(entry(4, 8, null)), 4, 6, 8, NOW)
            .orElseThrow();
    assertThat(r.getFromReplicas()).isEqualTo(4);
    assertThat(r.getToReplicas()).isEqualTo(6);
    assertThat(r.getToPool()).isEqualTo(8);
    assertThat(r.getTime()).isEqualTo(NOW.toString());
    assertThat(r.getReason()).startsWith("found, not decided in this round");
  }

  @Test
  void aPoolTheLastEntryDoesNotExplainIsRecordedAsFound() {
    DecisionRecord r =
        PolicyStatusWriter.unexplainedChange(List.of(entry(4, 8, null)), 4, 4, 5, NOW)
            .orElseThrow();
    assertThat(r.getFromPool()).isEqualTo(8);
    assertThat(r.getToPool()).isEqualTo(5);
  }

  @Test
  void withoutEntriesTheLastWrittenReplicasAreTheReference() {
    assertThat(PolicyStatusWriter.unexplainedChange(List.of(), 3, 3, 5, NOW)).isEmpty();
    assertThat(PolicyStatusWriter.unexplainedChange(List.of(), null, 3, 5, NOW)).isEmpty();
    assertThat(
            PolicyStatusWriter.unexplainedChange(List.of(), 1, 3, 5, NOW)
                .orElseThrow()
                .getFromReplicas())
        .isEqualTo(1);
  }

  @Test
  void aDryRunEntryExplainsNothingAndIsNotContradicted() {
    assertThat(PolicyStatusWriter.unexplainedChange(List.of(entry(9, 8, true)), 2, 2, 5, NOW))
        .isEmpty();
  }
}
