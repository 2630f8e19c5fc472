package dev.headroom.engine.transition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class WorkloadTransitionTest {

  private final WorkloadTransition transition = new WorkloadTransition();

  private static TransitionRequest request(
      int replicas, int pool, OptionalInt templatePool, long grant, PoolDeliveryMode mode) {
    return new TransitionRequest(
        replicas,
        OptionalInt.of(pool),
        templatePool,
        OptionalLong.of(grant),
        12,
        mode,
        Optional.empty());
  }

  /**
   * 1 replica at pool 5 decided to 2 replicas at pool 12 within a grant of 36. Scaling first would
   * start a second pod with pool 5 that the rollout then replaces, and a replaced pod may still be
   * terminating next to the new ones: the fault run saw 4 pods where (replicas + maxSurge) allows
   * 3. The pool goes first; the replicas follow once its rollout is over.
   */
  @Test
  void aLargerPoolRollsOutBeforeMoreReplicasAreAdded() {
    WorkloadShape shape = new WorkloadShape(1, 1, 0, 1, 5, false);

    WorkloadPlan first =
        transition.plan(
            shape, request(2, 12, OptionalInt.of(5), 36, PoolDeliveryMode.RESTARTS_PODS));

    assertThat(first.writes()).containsExactly(new Write.Pool(OptionalInt.of(5), 12));
    assertThat(first.replicas()).isEqualTo(1);
    assertThat(first.inUseBound()).isEqualTo(24);
  }

  @Test
  void whileThePoolRollsOutTheReplicasWait() {
    WorkloadShape rolling = new WorkloadShape(1, 2, 0, 1, 12, true);

    WorkloadPlan next =
        transition.plan(
            rolling, request(2, 12, OptionalInt.of(12), 36, PoolDeliveryMode.RESTARTS_PODS));

    assertThat(next.changes()).isFalse();
    assertThat(next.waiting()).hasValue("waiting for the rollout to finish before growing");
  }

  @Test
  void shrinksApplyEvenAboveTheGrant() {
    WorkloadShape above = new WorkloadShape(6, 6, 0, 1, 10, false);

    WorkloadPlan plan =
        transition.plan(
            above, request(4, 8, OptionalInt.of(10), 20, PoolDeliveryMode.RESTARTS_PODS));

    assertThat(plan.writes())
        .containsExactly(new Write.Scale(6, 4), new Write.Pool(OptionalInt.of(10), 8));
    assertThat(plan.grows()).isFalse();
  }

  @Test
  void aShrinkAndAGrowTakeTwoRounds() {
    WorkloadShape shape = new WorkloadShape(2, 2, 0, 1, 10, false);

    WorkloadPlan plan =
        transition.plan(shape, request(4, 6, OptionalInt.of(10), 100, PoolDeliveryMode.IN_PLACE));

    assertThat(plan.writes()).containsExactly(new Write.Pool(OptionalInt.of(10), 6));
    assertThat(plan.replicas()).isEqualTo(2);
  }

  @Test
  void terminatingPodsHoldGrows() {
    WorkloadShape shape = new WorkloadShape(2, 2, 1, 1, 10, false);

    WorkloadPlan plan =
        transition.plan(shape, request(3, 10, OptionalInt.of(10), 100, PoolDeliveryMode.IN_PLACE));

    assertThat(plan.changes()).isFalse();
    assertThat(plan.waiting()).hasValue("waiting for the rollout to finish before growing");
  }

  /**
   * The controller lags behind a change: 4 replicas with a surge of 1 account for 5 pods, but 7 run
   * (an old ReplicaSet not scaled in yet). A grow to 6 × pool 10 would fit the grant of 100 on
   * paper, yet the pods beyond the account could outlive the read; the round waits instead.
   */
  @Test
  void podsAboveReplicasPlusSurgeHoldGrows() {
    WorkloadShape lagging = new WorkloadShape(4, 7, 0, 1, 10, false);

    WorkloadPlan plan =
        transition.plan(
            lagging, request(6, 10, OptionalInt.of(10), 100, PoolDeliveryMode.IN_PLACE));

    assertThat(plan.changes()).isFalse();
    assertThat(plan.waiting())
        .hasValue("waiting for 2 pods above replicas + surge (5) to go before growing");
  }

  @Test
  void podsAboveReplicasPlusSurgeDoNotHoldShrinks() {
    WorkloadShape lagging = new WorkloadShape(4, 7, 0, 1, 10, false);

    WorkloadPlan plan =
        transition.plan(
            lagging, request(3, 10, OptionalInt.of(10), 100, PoolDeliveryMode.IN_PLACE));

    assertThat(plan.writes()).containsExactly(new Write.Scale(4, 3));
  }

  @Test
  void onceTheControllerCaughtUpTheGrowGoesAhead() {
    WorkloadShape settled = new WorkloadShape(4, 5, 0, 1, 10, false);

    WorkloadPlan plan =
        transition.plan(
            settled, request(6, 10, OptionalInt.of(10), 100, PoolDeliveryMode.IN_PLACE));

    assertThat(plan.writes()).containsExactly(new Write.Scale(4, 6));
  }

  @Test
  void aGrowThatDoesNotFitTheGrantWaits() {
    WorkloadShape shape = new WorkloadShape(2, 2, 0, 1, 10, false);

    WorkloadPlan plan =
        transition.plan(shape, request(4, 10, OptionalInt.of(10), 49, PoolDeliveryMode.IN_PLACE));

    assertThat(plan.changes()).isFalse();
    assertThat(plan.waiting())
        .hasValue("waiting: 4 replicas × pool 10 do not fit the grant of 49 yet");
    assertThat(plan.inUseBound()).isEqualTo(30);
  }

  @Test
  void aPoolDeliveredInPlaceGrowsTogetherWithTheReplicas() {
    WorkloadShape shape = new WorkloadShape(2, 2, 0, 1, 5, false);

    WorkloadPlan plan =
        transition.plan(shape, request(4, 10, OptionalInt.of(5), 50, PoolDeliveryMode.IN_PLACE));

    assertThat(plan.writes())
        .containsExactly(new Write.Pool(OptionalInt.of(5), 10), new Write.Scale(2, 4));
    assertThat(plan.inUseBound()).isEqualTo(50);
  }

  @Test
  void aHeldBudgetStopsGrowsButNotShrinks() {
    WorkloadShape shape = new WorkloadShape(2, 2, 0, 1, 5, false);
    TransitionRequest held =
        new TransitionRequest(
            4,
            OptionalInt.of(5),
            OptionalInt.of(5),
            OptionalLong.of(100),
            12,
            PoolDeliveryMode.IN_PLACE,
            Optional.of("budget over its limit"));

    assertThat(transition.plan(shape, held).waiting()).hasValue("budget over its limit");
    assertThat(transition.plan(shape, held).changes()).isFalse();
  }

  @Test
  void anUnsetPoolIsSetAsAShrink() {
    WorkloadShape shape = new WorkloadShape(2, 2, 0, 1, 12, false);

    WorkloadPlan plan =
        transition.plan(
            shape, request(2, 8, OptionalInt.empty(), 1, PoolDeliveryMode.RESTARTS_PODS));

    assertThat(plan.writes()).containsExactly(new Write.Pool(OptionalInt.empty(), 8));
    assertThat(plan.grows()).isFalse();
  }

  @Test
  void withoutABudgetOnlyTheReplicasMove() {
    WorkloadShape shape = new WorkloadShape(2, 2, 0, 1, 5, false);
    TransitionRequest unbudgeted =
        new TransitionRequest(
            7,
            OptionalInt.of(10),
            OptionalInt.of(5),
            OptionalLong.empty(),
            12,
            PoolDeliveryMode.RESTARTS_PODS,
            Optional.empty());

    assertThat(transition.plan(shape, unbudgeted).writes()).containsExactly(new Write.Scale(2, 7));
  }

  @Test
  void aNegativeCountIsRejected() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new WorkloadShape(-1, 0, 0, 0, 0, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("below zero");
  }
}
