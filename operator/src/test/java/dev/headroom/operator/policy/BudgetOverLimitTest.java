package dev.headroom.operator.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.operator.api.v1alpha1.ConnectionBudget;
import dev.headroom.operator.api.v1alpha1.ConnectionBudgetStatus;
import dev.headroom.operator.workload.PodView;
import dev.headroom.operator.workload.ScaleWriter;
import dev.headroom.operator.workload.WorkloadRef;
import dev.headroom.operator.workload.WorkloadSnapshot;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** No workload grows while its budget is over its limit, not even within its own grant. */
class BudgetOverLimitTest {

  static ConnectionBudget budget(Long inUseBound, Integer available) {
    ConnectionBudget b = new ConnectionBudget();
    b.setMetadata(new ObjectMetaBuilder().withNamespace("shop").withName("pg").build());
    if (inUseBound != null || available != null) {
      ConnectionBudgetStatus st = new ConnectionBudgetStatus();
      st.setInUseBound(inUseBound);
      st.setAvailable(available);
      b.setStatus(st);
    }
    return b;
  }

  @Test
  void aBudgetWhoseConsumersMayHoldMoreThanItHasHoldsGrows() {
    assertThat(BudgetOverLimit.growHold(Optional.of(budget(67L, 38))))
        .hasValue(
            "waiting: ConnectionBudget shop/pg is over its limit (its consumers may hold up to 67 of 38"
                + " connections); nothing grows until they fit");
  }

  @Test
  void aBudgetWithinItsLimitOrWithoutStatusHoldsNothing() {
    assertThat(BudgetOverLimit.growHold(Optional.of(budget(38L, 38)))).isEmpty();
    assertThat(BudgetOverLimit.growHold(Optional.of(budget(null, null)))).isEmpty();
    assertThat(BudgetOverLimit.growHold(Optional.of(budget(null, 38)))).isEmpty();
    assertThat(BudgetOverLimit.growHold(Optional.empty())).isEmpty();
  }

  // 1 replica at pool 4 (surge 1: bound 8) that would go to pool 5 (bound 10) within a grant of 11
  private static WorkloadSnapshot oneReplicaAtPool4() {
    return new WorkloadSnapshot(
        new WorkloadRef("shop", "apps/v1", "Deployment", "api"),
        1,
        1,
        "app=api",
        1,
        OptionalInt.of(4),
        List.of(new PodView("api-1", true, false, OptionalInt.of(4))),
        false,
        1,
        "uid-api");
  }

  @Test
  void theActuatorWaitsInsteadOfGrowingWithinTheGrant() {
    RecordingPoolDelivery delivery = new RecordingPoolDelivery();
    Actuation held =
        new PolicyActuator(new ScaleWriter(null))
            .apply(
                oneReplicaAtPool4(),
                new GenericKubernetesResource(),
                delivery,
                1,
                OptionalInt.of(5),
                OptionalLong.of(11),
                12,
                BudgetOverLimit.growHold(Optional.of(budget(67L, 38))));

    assertThat(delivery.written).isEmpty();
    assertThat(held.changed()).isFalse();
    assertThat(held.waiting()).hasValueSatisfying(w -> assertThat(w).contains("is over its limit"));
  }

  @Test
  void withoutAHoldTheSameGrowIsApplied() {
    RecordingPoolDelivery delivery = new RecordingPoolDelivery();
    Actuation grown =
        new PolicyActuator(new ScaleWriter(null))
            .apply(
                oneReplicaAtPool4(),
                new GenericKubernetesResource(),
                delivery,
                1,
                OptionalInt.of(5),
                OptionalLong.of(11),
                12,
                Optional.empty());

    assertThat(delivery.written).containsExactly(5);
    assertThat(grown.pool()).hasValue(5);
  }

  @Test
  void shrinksStillApplyWhileOver() {
    RecordingPoolDelivery delivery = new RecordingPoolDelivery();
    Actuation shrunk =
        new PolicyActuator(new ScaleWriter(null))
            .apply(
                oneReplicaAtPool4(),
                new GenericKubernetesResource(),
                delivery,
                1,
                OptionalInt.of(3),
                OptionalLong.of(11),
                12,
                BudgetOverLimit.growHold(Optional.of(budget(67L, 38))));

    assertThat(delivery.written).containsExactly(3);
    assertThat(shrunk.waiting()).isEmpty();
  }
}
