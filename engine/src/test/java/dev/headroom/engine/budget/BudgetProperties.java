package dev.headroom.engine.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of allocation, pool sizing and transition plans over random budgets, consumers, loads
 * and current states. Seeds are fixed so that every run checks the same cases.
 */
class BudgetProperties {

  private final BudgetAllocator allocator = new BudgetAllocator();
  private final PoolSizer sizer = new PoolSizer();
  private final TransitionPlanner planner = new TransitionPlanner();

  /** A budget with its consumers and two rounds of load: yesterday's and today's. */
  record Scenario(
      BudgetSpec budget,
      List<ConsumerDemand> before,
      List<ConsumerDemand> after,
      List<Integer> rolloutFrom) {}

  @Provide
  Arbitrary<Scenario> scenarios() {
    Arbitrary<BudgetSpec> budgets =
        Combinators.combine(
                Arbitraries.integers().between(1, 3000),
                Arbitraries.integers().between(0, 100),
                Arbitraries.of(AllocationStrategy.class))
            .as(
                (max, reservedPercent, strategy) ->
                    new BudgetSpec(
                        "db/pg", max, (int) ((long) (max - 1) * reservedPercent / 100), strategy));
    Arbitrary<List<ConsumerDemand>> consumers =
        consumer().list().ofMinSize(1).ofMaxSize(6).uniqueElements(ConsumerDemand::id);
    return Combinators.combine(
            budgets,
            consumers,
            Arbitraries.integers().between(0, 60).list().ofSize(6),
            Arbitraries.integers().between(0, 60).list().ofSize(6))
        .as(
            (budget, cs, loadBefore, loadAfter) -> {
              List<ConsumerDemand> before = new ArrayList<>();
              List<ConsumerDemand> after = new ArrayList<>();
              for (int i = 0; i < cs.size(); i++) {
                ConsumerDemand c = cs.get(i);
                before.add(withDesired(c, loadBefore.get(i)));
                after.add(withDesired(c, loadAfter.get(i)));
              }
              return new Scenario(budget, before, after, loadAfter);
            });
  }

  private static ConsumerDemand withDesired(ConsumerDemand c, int desired) {
    return new ConsumerDemand(
        c.id(),
        c.priority(),
        c.minReplicas(),
        Math.max(c.minReplicas(), desired),
        c.poolMin(),
        c.poolMax(),
        c.maxSurge());
  }

  private static Arbitrary<ConsumerDemand> consumer() {
    return Combinators.combine(
            Arbitraries.strings().withCharRange('a', 'h').ofLength(2),
            Arbitraries.integers().between(0, 3),
            Arbitraries.integers().between(0, 5),
            Arbitraries.integers().between(1, 20),
            Arbitraries.integers().between(0, 30),
            Arbitraries.integers().between(0, 3))
        .as(
            (id, priority, min, poolMin, poolExtra, surge) ->
                new ConsumerDemand(
                    "ns/" + id, priority, min, min, poolMin, poolMin + poolExtra, surge));
  }

  /** Steady states sized from an allocation, as the consumers would run after it. */
  private List<ConsumerState> statesFrom(
      Scenario s, List<ConsumerDemand> demands, boolean halfwayRollout) {
    BudgetAllocation allocation = allocator.allocate(s.budget(), demands);
    List<ConsumerState> states = new ArrayList<>();
    for (int i = 0; i < demands.size(); i++) {
      ConsumerDemand c = demands.get(i);
      PoolSize size =
          sizer.size(
              allocation.grantFor(c.id()).orElseThrow().connections(),
              c.desiredReplicas(),
              c.poolMin(),
              c.poolMax(),
              c.maxSurge());
      int onPods =
          halfwayRollout && i % 2 == 0 ? Math.max(c.poolMin(), size.pool() / 2) : size.pool();
      states.add(
          new ConsumerState(
              c.id(), size.replicas(), c.maxSurge(), Math.min(onPods, size.pool()), size.pool()));
    }
    return states;
  }

  @Property(tries = 10000, seed = "20260302")
  void everyStateOfThePlanSatisfiesTheInvariant(@ForAll("scenarios") Scenario s) {
    List<ConsumerState> current = statesFrom(s, s.before(), true);
    assertThat(BudgetInvariant.holds(s.budget().available(), current)).isTrue();

    // Targets from today's allocation...
    List<TargetState> targets = new ArrayList<>();
    for (ConsumerState state : statesFrom(s, s.after(), false)) {
      targets.add(new TargetState(state.id(), state.replicas(), state.poolInRollout()));
    }
    TransitionPlan plan = planner.plan(s.budget().available(), current, targets);
    assertThat(BudgetInvariant.holdsThroughout(current, plan)).isTrue();
    assertThat(plan.deferred()).isEmpty();

    // ...and arbitrary targets that ignore the budget: trimmed or deferred, never breaking it.
    List<TargetState> greedy = new ArrayList<>();
    for (int i = 0; i < current.size(); i++) {
      ConsumerDemand c = s.after().get(i);
      greedy.add(
          new TargetState(c.id(), c.desiredReplicas() + s.rolloutFrom().get(i) % 7, c.poolMax()));
    }
    TransitionPlan greedyPlan = planner.plan(s.budget().available(), current, greedy);
    assertThat(BudgetInvariant.holdsThroughout(current, greedyPlan)).isTrue();
    assertThat(greedyPlan.steps())
        .allSatisfy(
            step ->
                assertThat(
                        step.kind() == StepKind.SHRINK
                            ? step.phase() == 1
                            : step.phase() == greedyPlan.phases())
                    .isTrue());
  }

  @Property(tries = 10000, seed = "20260303")
  void noConsumerGetsLessThanItsGuaranteeUnlessOvercommitted(@ForAll("scenarios") Scenario s) {
    BudgetAllocation allocation = allocator.allocate(s.budget(), s.after());

    assertThat(allocation.totalGranted()).isLessThanOrEqualTo(s.budget().available());
    if (!allocation.overcommitted()) {
      assertThat(allocation.grants())
          .allSatisfy(g -> assertThat(g.connections()).isGreaterThanOrEqualTo(g.guaranteed()));
    } else {
      assertThat(allocation.grants())
          .allSatisfy(g -> assertThat(g.connections()).isLessThanOrEqualTo(g.guaranteed()));
    }
  }

  @Property(tries = 10000, seed = "20260304")
  void grantsNeverExceedDemandAndMeetItWhenNotScarce(@ForAll("scenarios") Scenario s) {
    BudgetAllocation allocation = allocator.allocate(s.budget(), s.after());

    assertThat(allocation.grants())
        .allSatisfy(g -> assertThat(g.connections()).isLessThanOrEqualTo(g.demand()));
    if (!allocation.scarce()) {
      assertThat(allocation.grants())
          .allSatisfy(g -> assertThat(g.connections()).isEqualTo(g.demand()));
    }
    // Sizing a grant never holds more than the grant.
    for (ConsumerDemand c : s.after()) {
      long grant = allocation.grantFor(c.id()).orElseThrow().connections();
      PoolSize size =
          sizer.size(grant, c.desiredReplicas(), c.poolMin(), c.poolMax(), c.maxSurge());
      assertThat(size.footprint(c.maxSurge())).isLessThanOrEqualTo(grant);
      assertThat(size.pool()).isBetween(c.poolMin(), c.poolMax());
    }
  }

  @Property(tries = 10000, seed = "20260305")
  void allocationIsDeterministicAndIndependentOfInputOrder(@ForAll("scenarios") Scenario s) {
    List<ConsumerDemand> reversed = new ArrayList<>(s.after());
    java.util.Collections.reverse(reversed);

    assertThat(allocator.allocate(s.budget(), reversed))
        .isEqualTo(allocator.allocate(s.budget(), s.after()));
  }
}
