package dev.headroom.engine.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TransitionPlannerTest {

  private final TransitionPlanner planner = new TransitionPlanner();

  @Test
  void shrinksComeFirstInTheirOwnPhaseThenGrows() {
    // available 200: a (10+0) x 10 = 100, b (5+0) x 10 = 50; a gives 50 to b.
    List<ConsumerState> now =
        List.of(ConsumerState.steady("a", 10, 0, 10), ConsumerState.steady("b", 5, 0, 10));
    List<TargetState> targets = List.of(new TargetState("a", 5, 10), new TargetState("b", 10, 15));

    TransitionPlan plan = planner.plan(200, now, targets);

    assertThat(plan.phases()).isEqualTo(2);
    assertThat(plan.phase(1))
        .containsExactly(new TransitionStep(1, StepKind.SHRINK, "a", 10, 5, 10, 10, false));
    assertThat(plan.phase(2))
        .containsExactly(new TransitionStep(2, StepKind.GROW, "b", 5, 10, 10, 15, false));
    assertThat(BudgetInvariant.holdsThroughout(now, plan)).isTrue();
  }

  @Test
  void fewerReplicasWithABiggerPoolIsSplitIntoAShrinkAndAGrow() {
    List<ConsumerState> now = List.of(ConsumerState.steady("a", 10, 1, 10));
    List<TargetState> targets = List.of(new TargetState("a", 6, 15));

    TransitionPlan plan = planner.plan(110, now, targets);

    assertThat(plan.steps())
        .containsExactly(
            new TransitionStep(1, StepKind.SHRINK, "a", 10, 6, 10, 10, false),
            new TransitionStep(2, StepKind.GROW, "a", 6, 6, 10, 15, false));
    // Doing both at once would count (10 + 1) x 15 = 165 > 110 during the rollout.
    assertThat(BudgetInvariant.holdsThroughout(now, plan)).isTrue();
  }

  @Test
  void aGrowThatDoesNotFitIsTrimmedNeverApplied() {
    // available 100; a holds 60 and does not shrink; b wants (6+0) x 10 = 60, only 40 is left.
    List<ConsumerState> now =
        List.of(ConsumerState.steady("a", 6, 0, 10), ConsumerState.steady("b", 2, 0, 10));
    List<TargetState> targets = List.of(new TargetState("a", 6, 10), new TargetState("b", 6, 10));

    TransitionPlan plan = planner.plan(100, now, targets);

    assertThat(plan.steps())
        .containsExactly(new TransitionStep(1, StepKind.GROW, "b", 2, 4, 10, 10, true));
    assertThat(plan.deferred()).hasSize(1);
    assertThat(BudgetInvariant.holdsThroughout(now, plan)).isTrue();
  }

  @Test
  void aGrowWithNoRoomAtAllIsDeferred() {
    List<ConsumerState> now =
        List.of(ConsumerState.steady("a", 10, 0, 10), ConsumerState.steady("b", 1, 0, 10));
    List<TargetState> targets = List.of(new TargetState("a", 10, 10), new TargetState("b", 3, 10));

    TransitionPlan plan = planner.plan(110, now, targets);

    assertThat(plan.isEmpty()).isTrue();
    assertThat(plan.deferred()).extracting(DeferredChange::consumerId).containsExactly("b");
  }

  @Test
  void aRolloutInFlightIsCountedAtTheLargerPool() {
    // pods still on pool 20 while pool 10 rolls out: counted at 20 until it is done.
    ConsumerState rolling = new ConsumerState("a", 4, 1, 20, 10);

    assertThat(rolling.footprint()).isEqualTo(100);
    TransitionPlan plan = planner.plan(100, List.of(rolling), List.of(new TargetState("a", 4, 10)));
    assertThat(plan.isEmpty()).isTrue();
  }

  @Test
  void nothingToDoIsAnEmptyPlan() {
    List<ConsumerState> now = List.of(ConsumerState.steady("a", 3, 1, 10));

    TransitionPlan plan = planner.plan(100, now, List.of(new TargetState("a", 3, 10)));

    assertThat(plan.isEmpty()).isTrue();
    assertThat(plan.startsWithinBudget()).isTrue();
  }
}
