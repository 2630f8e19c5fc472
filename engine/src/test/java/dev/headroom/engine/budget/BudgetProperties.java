package dev.headroom.engine.budget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.engine.grant.GrantLedger;
import dev.headroom.engine.grant.LedgerEntry;
import dev.headroom.engine.grant.LedgerStep;
import dev.headroom.engine.transition.PoolDeliveryMode;
import dev.headroom.engine.transition.TransitionRequest;
import dev.headroom.engine.transition.WorkloadPlan;
import dev.headroom.engine.transition.WorkloadShape;
import dev.headroom.engine.transition.WorkloadTransition;
import dev.headroom.engine.transition.Write;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
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
        c.maxSurge(),
        c.maxReplicas());
  }

  private static Arbitrary<ConsumerDemand> consumer() {
    return Combinators.combine(
            Arbitraries.strings().withCharRange('a', 'h').ofLength(2),
            Arbitraries.integers().between(0, 3),
            Arbitraries.integers().between(0, 5),
            Arbitraries.integers().between(1, 20),
            Arbitraries.integers().between(0, 30),
            Arbitraries.integers().between(0, 3),
            // A known replicas.max (often small enough for the budget to lend every ceiling), or
            // none.
            Arbitraries.integers().between(0, 12).injectNull(0.2))
        .as(
            (id, priority, min, poolMin, poolExtra, surge, maxExtra) ->
                new ConsumerDemand(
                    "ns/" + id,
                    priority,
                    min,
                    min,
                    poolMin,
                    poolMin + poolExtra,
                    surge,
                    maxExtra == null ? ConsumerDemand.NO_CEILING : Math.max(1, min + maxExtra)));
  }

  /** A consumer's workload and its line in the ledger, between rounds. */
  private static final class Consumer {
    final ConsumerDemand demand;
    int replicas;
    int pool;
    long issued;
    long seq;
    long held;
    long bound;

    Consumer(ConsumerDemand demand, int replicas, int pool, long grant) {
      this.demand = demand;
      this.replicas = replicas;
      this.pool = pool;
      this.bound = shape().bound();
      this.issued = grant;
      this.seq = 1;
      this.held = Math.max(grant, bound);
    }

    WorkloadShape shape() {
      return new WorkloadShape(replicas, replicas, 0, demand.maxSurge(), pool, false);
    }
  }

  /**
   * Yesterday's steady state, then rounds of today's load as both hosts run them: allocate, step
   * the ledger, each consumer decides within its published grant (or, greedy, asks for more than
   * it) and moves by its {@link WorkloadTransition} plan. After every single write the bounds of
   * all consumers together stay within the budget.
   */
  @Property(tries = 3000, seed = "20260302")
  void everyWriteOfEveryRoundKeepsTheBudgetInvariant(@ForAll("scenarios") Scenario s) {
    long available = s.budget().available();
    BudgetAllocation yesterday = allocator.allocate(s.budget(), s.before());
    List<Consumer> consumers = new ArrayList<>();
    for (ConsumerDemand c : s.before()) {
      long grant = yesterday.grantFor(c.id()).orElseThrow().connections();
      PoolSize size =
          sizer.size(grant, c.desiredReplicas(), c.poolMin(), c.poolMax(), c.maxSurge());
      consumers.add(new Consumer(c, size.replicas(), size.pool(), grant));
    }
    // The sizing counts no surge at zero replicas, the workload's bound does: start within it.
    Assume.that(total(consumers) <= available);

    WorkloadTransition transition = new WorkloadTransition();
    BudgetAllocation today = allocator.allocate(s.budget(), s.after());
    boolean byPriority = s.budget().allocation() == AllocationStrategy.PRIORITY;
    for (int round = 0; round < 8; round++) {
      List<LedgerEntry> entries = new ArrayList<>();
      for (Consumer c : consumers) {
        entries.add(
            new LedgerEntry(
                c.demand.id(),
                byPriority ? -c.demand.priority() : 0,
                today.grantFor(c.demand.id()).orElseThrow().connections(),
                c.issued,
                c.seq,
                c.held,
                OptionalLong.of(c.seq),
                OptionalLong.of(c.bound)));
      }
      List<LedgerStep> steps = GrantLedger.step(available, entries);
      for (int i = 0; i < consumers.size(); i++) {
        Consumer c = consumers.get(i);
        ConsumerDemand want = s.after().get(i);
        LedgerStep step = steps.get(i);
        PoolSize fit =
            sizer.size(
                step.issued(),
                want.desiredReplicas(),
                want.poolMin(),
                want.poolMax(),
                want.maxSurge());
        boolean greedy = s.rolloutFrom().get(i) % 3 == 0;
        TransitionRequest request =
            new TransitionRequest(
                greedy ? want.desiredReplicas() + 2 : fit.replicas(),
                OptionalInt.of(greedy ? want.poolMax() : fit.pool()),
                OptionalInt.of(c.pool),
                OptionalLong.of(step.issued()),
                want.poolMax(),
                PoolDeliveryMode.IN_PLACE,
                Optional.empty());
        WorkloadPlan plan = transition.plan(c.shape(), request);
        for (Write write : plan.writes()) {
          if (write instanceof Write.Scale scale) {
            c.replicas = scale.to();
          } else if (write instanceof Write.Pool pool) {
            c.pool = pool.to();
          }
          assertThat(total(consumers))
              .as("round %d after %s", round, write)
              .isLessThanOrEqualTo(available);
        }
        c.issued = step.issued();
        c.seq = step.issuedSeq();
        c.held = step.held();
        c.bound = plan.inUseBound();
      }
    }
  }

  /** What the consumers may hold together, each counted at its bound. */
  private static long total(List<Consumer> consumers) {
    long sum = 0;
    for (Consumer c : consumers) {
      sum += c.shape().bound();
    }
    return sum;
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
  void grantsMeetDemandWhenNotScarceAndExceedItOnlyByLendingEveryCeiling(
      @ForAll("scenarios") Scenario s) {
    BudgetAllocation allocation = allocator.allocate(s.budget(), s.after());

    long ceilings = 0;
    for (ConsumerDemand c : s.after()) {
      ceilings = c.ceiling() == Long.MAX_VALUE ? Long.MAX_VALUE : ceilings + c.ceiling();
      if (ceilings == Long.MAX_VALUE) {
        break;
      }
    }
    assertThat(allocation.lent()).isEqualTo(ceilings <= s.budget().available());
    if (allocation.lent()) {
      for (ConsumerDemand c : s.after()) {
        assertThat(allocation.grantFor(c.id()).orElseThrow().connections())
            .isEqualTo(c.ceiling())
            .isGreaterThanOrEqualTo(c.demand());
      }
    } else {
      assertThat(allocation.grants())
          .allSatisfy(g -> assertThat(g.connections()).isLessThanOrEqualTo(g.demand()));
      if (!allocation.scarce()) {
        assertThat(allocation.grants())
            .allSatisfy(g -> assertThat(g.connections()).isEqualTo(g.demand()));
      }
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
