package dev.headroom.operator.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.operator.api.v1alpha1.DecisionRecord;
import dev.headroom.operator.api.v1alpha1.ScalingPolicy;
import dev.headroom.operator.api.v1alpha1.ScalingPolicySpec;
import dev.headroom.operator.api.v1alpha1.ScalingPolicyStatus;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UnwrittenRecordsTest {

  private static final KubernetesSerialization JSON = new KubernetesSerialization();

  private final UnwrittenRecords unwritten = new UnwrittenRecords();

  @Test
  void anEntryWhoseWriteMetAConflictIsAppendedToTheNextRound() {
    ScalingPolicy stored = policy(entry("08:00", "scaled 2 → 3"));
    ScalingPolicy working = withEntry(stored, entry("08:01", "maxReplicas 50 → 35"));

    unwritten.keep(stored, working);

    ScalingPolicy next = JSON.clone(stored);
    unwritten.restore(stored, next);
    assertThat(next.getStatus().getHistory())
        .extracting(DecisionRecord::getReason)
        .containsExactly("scaled 2 → 3", "maxReplicas 50 → 35");
  }

  @Test
  void entriesTheStoredHistoryHoldsAlreadyAreNotAppendedTwice() {
    ScalingPolicy stored = policy(entry("08:00", "scaled 2 → 3"));
    ScalingPolicy working = withEntry(stored, entry("08:01", "maxReplicas 50 → 35"));
    unwritten.keep(stored, working);

    // Another writer's copy of the same round landed: the stored history now has the entry.
    ScalingPolicy storedLater = JSON.clone(working);
    ScalingPolicy next = JSON.clone(storedLater);
    unwritten.restore(storedLater, next);

    assertThat(next.getStatus().getHistory()).hasSize(2);
    assertThat(unwritten.size()).isZero();
  }

  @Test
  void aStoredStatusLeavesNothingToCarry() {
    ScalingPolicy stored = policy();
    unwritten.keep(stored, withEntry(stored, entry("08:01", "scaled 2 → 4")));

    unwritten.stored(stored);

    ScalingPolicy next = JSON.clone(stored);
    unwritten.restore(stored, next);
    assertThat(next.getStatus().getHistory()).isEmpty();
  }

  @Test
  void theHistoryLimitHoldsForCarriedEntries() {
    ScalingPolicy stored = policy(entry("08:00", "a"), entry("08:01", "b"));
    stored.getSpec().setHistoryLimit(2);
    unwritten.keep(stored, withEntry(stored, entry("08:02", "c")));

    ScalingPolicy next = JSON.clone(stored);
    unwritten.restore(stored, next);

    assertThat(next.getStatus().getHistory())
        .extracting(DecisionRecord::getReason)
        .containsExactly("b", "c");
  }

  @Test
  void deletedPoliciesAreForgotten() {
    ScalingPolicy stored = policy();
    unwritten.keep(stored, withEntry(stored, entry("08:01", "scaled 2 → 4")));

    unwritten.retain(Set.of("another-uid"));

    assertThat(unwritten.size()).isZero();
  }

  private static ScalingPolicy policy(DecisionRecord... history) {
    ScalingPolicy p = new ScalingPolicy();
    p.setMetadata(
        new ObjectMetaBuilder()
            .withNamespace("shop")
            .withName("checkout")
            .withUid("checkout-uid")
            .withResourceVersion("7")
            .build());
    p.setSpec(new ScalingPolicySpec());
    ScalingPolicyStatus status = new ScalingPolicyStatus();
    status.setHistory(new ArrayList<>(List.of(history)));
    p.setStatus(status);
    return p;
  }

  private static ScalingPolicy withEntry(ScalingPolicy stored, DecisionRecord record) {
    ScalingPolicy working = JSON.clone(stored);
    PolicyStatusWriter.appendRecord(working, record);
    return working;
  }

  private static DecisionRecord entry(String time, String reason) {
    DecisionRecord r = new DecisionRecord();
    r.setTime("2026-03-10T" + time + ":00Z");
    r.setReason(reason);
    return r;
  }
}
