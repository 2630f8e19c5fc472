package dev.headroom.operator.budget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.operator.api.v1alpha1.ScalingPolicy;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;

/** The budgets' copy of a policy reads as the whole policy does, without what no budget reads. */
class ConsumerCopyTest {

  static final String POLICY =
      """
      apiVersion: headroom.dev/v1alpha1
      kind: ScalingPolicy
      metadata:
        name: billing
        namespace: shop
        uid: u1
        generation: 3
        labels: {headroom.dev/shard: a}
        managedFields: [{manager: kubectl, operation: Apply}]
      spec:
        targetRef: {apiVersion: apps/v1, kind: Deployment, name: billing}
        replicas: {min: 2, max: 12}
        load:
          signals: [{name: rps, query: 'sum(rate(x[1m]))', target: 10}]
        connections:
          budgetRef: {name: billing-db}
          poolSize: {min: 2, max: 8}
          priority: 3
          delivery: {type: Env, container: app, envName: DB_POOL_SIZE}
      status:
        observedGeneration: 3
        requestedReplicas: 7
        maxSurge: 2
        acknowledgedGrantSeq: 41
        inUseBound: 56
        currentReplicas: 6
        conditions:
          - {type: Ready, status: "True", reason: Scaled, message: m, lastTransitionTime: "2026-12-06T10:00:00Z"}
        recommendations:
          - {source: load, replicas: 7}
        history:
          - {time: "2026-12-06T10:00:00Z", fromReplicas: 6, toReplicas: 7}
      """;

  private final KubernetesSerialization json = new KubernetesSerialization();

  @Test
  void aBudgetReadsTheSameDemandAcknowledgementAndBound() {
    ScalingPolicy full = json.unmarshal(POLICY, ScalingPolicy.class);
    ScalingPolicy copy = ConsumerCopy.of(json.unmarshal(POLICY, ScalingPolicy.class));
    BudgetConsumers fromFull = BudgetConsumers.of(full);
    BudgetConsumers fromCopy = BudgetConsumers.of(copy);
    assertThat(fromCopy.demand()).isEqualTo(fromFull.demand());
    assertThat(fromCopy.acknowledgedSeq()).hasValue(41).isEqualTo(fromFull.acknowledgedSeq());
    assertThat(fromCopy.inUseBound()).hasValue(56).isEqualTo(fromFull.inUseBound());
    assertThat(copy.getMetadata().getLabels()).isEqualTo(full.getMetadata().getLabels());
    assertThat(copy.getMetadata().getGeneration()).isEqualTo(3L);
  }

  @Test
  void dropsTheStatusNoBudgetReads() {
    ScalingPolicy full = json.unmarshal(POLICY, ScalingPolicy.class);
    assertThat(full.getStatus().getHistory()).isNotEmpty();
    ScalingPolicy copy = ConsumerCopy.of(full);
    assertThat(copy.getStatus().getHistory()).isNullOrEmpty();
    assertThat(copy.getStatus().getConditions()).isNullOrEmpty();
    assertThat(copy.getStatus().getRecommendations()).isNullOrEmpty();
    assertThat(copy.getStatus().getCurrentReplicas()).isNull();
    assertThat(copy.getMetadata().getManagedFields()).isNullOrEmpty();
    assertThat(copy.getSpec().getLoad()).isNull();
    assertThat(copy.getSpec().getConnections().getDelivery()).isNull();
  }

  @Test
  void aPolicyWithoutStatusHasNone() {
    ScalingPolicy full =
        json.unmarshal(POLICY.substring(0, POLICY.indexOf("status:")), ScalingPolicy.class);
    assertThat(BudgetConsumers.of(ConsumerCopy.of(full)).acknowledgedSeq()).isEmpty();
    assertThat(BudgetConsumers.of(ConsumerCopy.of(full)).demand())
        .isEqualTo(BudgetConsumers.of(full).demand());
  }
}
