package dev.headroom.engine.transition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The transition over random workloads, decisions and grants. Seeds are fixed. */
class WorkloadTransitionProperties {

  private final WorkloadTransition transition = new WorkloadTransition();

  @Property(tries = 10000, seed = "20261205")
  void noGrowEverTakesTheBoundPastTheGrant(
      @ForAll @IntRange(min = 0, max = 30) int specReplicas,
      @ForAll @IntRange(min = 0, max = 40) int livePods,
      @ForAll @IntRange(min = 0, max = 5) int terminating,
      @ForAll @IntRange(min = 0, max = 4) int surge,
      @ForAll @IntRange(min = 1, max = 40) int largestPool,
      @ForAll boolean rolling,
      @ForAll @IntRange(min = 0, max = 40) int desired,
      @ForAll @IntRange(min = 1, max = 40) int desiredPool,
      @ForAll @IntRange(min = 0, max = 40) int templatePool,
      @ForAll @IntRange(min = 0, max = 2000) int grant,
      @ForAll boolean restarts) {
    WorkloadShape shape =
        new WorkloadShape(
            specReplicas,
            livePods,
            terminating,
            surge,
            Math.max(largestPool, templatePool),
            rolling);
    TransitionRequest request =
        new TransitionRequest(
            desired,
            OptionalInt.of(desiredPool),
            templatePool == 0 ? OptionalInt.empty() : OptionalInt.of(templatePool),
            OptionalLong.of(grant),
            40,
            restarts ? PoolDeliveryMode.RESTARTS_PODS : PoolDeliveryMode.IN_PLACE,
            Optional.empty());

    WorkloadPlan plan = transition.plan(shape, request);

    if (plan.grows()) {
      assertThat(shape.boundAfter(plan.replicas(), plan.pool().orElse(40)))
          .isLessThanOrEqualTo(grant);
      assertThat(plan.inUseBound()).isLessThanOrEqualTo(grant);
      assertThat(plan.writes()).noneMatch(w -> !w.grows());
      assertThat(terminating).isZero();
    }
    // A round shrinks or grows, never both.
    assertThat(
            plan.writes().stream().filter(Write::grows).count() == 0
                || plan.writes().stream().allMatch(Write::grows))
        .isTrue();
  }
}
