package dev.headroom.benchmarks;

import dev.headroom.engine.budget.AllocationStrategy;
import dev.headroom.engine.budget.BudgetAllocation;
import dev.headroom.engine.budget.BudgetAllocator;
import dev.headroom.engine.budget.BudgetSpec;
import dev.headroom.engine.budget.ConsumerDemand;
import dev.headroom.engine.budget.Grant;
import dev.headroom.engine.grant.GrantLedger;
import dev.headroom.engine.grant.LedgerEntry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One ConnectionBudget shared by 1,000 consumers: {@link BudgetAllocator#allocate} under each
 * strategy, and one {@link GrantLedger#step} moving the published grants toward the allocator's
 * targets. The budget is scarce (full demand is about three times what it has) but not
 * overcommitted, which is the case where the allocator does all of its work. Average time per call,
 * single-threaded; fixed seed.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@Threads(1)
public class BudgetBenchmark {

  static final long SEED = 20261123L;

  /** Demands of {@code consumers} policies on one scarce budget, under one strategy. */
  @State(Scope.Thread)
  public static class Allocation {
    @Param({"1000"})
    public int consumers;

    @Param({"PROPORTIONAL", "PRIORITY"})
    public AllocationStrategy strategy;

    final BudgetAllocator allocator = new BudgetAllocator();
    BudgetSpec budget;
    List<ConsumerDemand> demands;

    @Setup(Level.Trial)
    public void setUp() {
      Random random = new Random(SEED);
      demands = demands(random, consumers);
      budget = scarceBudget(demands, strategy);
      BudgetAllocation allocation = allocator.allocate(budget, demands);
      if (allocation.overcommitted() || !allocation.scarce()) {
        throw new IllegalStateException("benchmark budget should be scarce, not overcommitted");
      }
    }
  }

  /** The ledger of {@code consumers} policies, targets from a proportional allocation. */
  @State(Scope.Thread)
  public static class Ledger {
    @Param({"1000"})
    public int consumers;

    long available;
    List<LedgerEntry> entries;

    @Setup(Level.Trial)
    public void setUp() {
      Random random = new Random(SEED);
      List<ConsumerDemand> demands = demands(random, consumers);
      BudgetAllocation allocation =
          new BudgetAllocator()
              .allocate(scarceBudget(demands, AllocationStrategy.PROPORTIONAL), demands);
      available = allocation.available();
      entries = ledgerEntries(random, available, allocation.grants());
    }
  }

  @Benchmark
  public void allocate(Allocation state, Blackhole bh) {
    bh.consume(state.allocator.allocate(state.budget, state.demands));
  }

  @Benchmark
  public void ledgerStep(Ledger state, Blackhole bh) {
    bh.consume(GrantLedger.step(state.available, state.entries));
  }

  static List<ConsumerDemand> demands(Random random, int consumers) {
    List<ConsumerDemand> demands = new ArrayList<>(consumers);
    for (int i = 0; i < consumers; i++) {
      int min = 1 + random.nextInt(3);
      int desired = min + random.nextInt(18);
      int poolMin = 2 + random.nextInt(4);
      int poolMax = poolMin + 5 + random.nextInt(15);
      demands.add(
          new ConsumerDemand(
              String.format("team-%03d/service-%04d", i % 97, i),
              random.nextInt(5),
              min,
              desired,
              poolMin,
              poolMax,
              1));
    }
    // Hosts pass consumers in whatever order their cache yields; the allocator sorts.
    Collections.shuffle(demands, random);
    return demands;
  }

  /** Guarantees plus a quarter of the unmet demand: scarce, not overcommitted. */
  static BudgetSpec scarceBudget(List<ConsumerDemand> demands, AllocationStrategy strategy) {
    long guaranteed = demands.stream().mapToLong(ConsumerDemand::guaranteed).sum();
    long demand = demands.stream().mapToLong(ConsumerDemand::demand).sum();
    long limit = Math.max(guaranteed + (demand - guaranteed) / 4, guaranteed + 1);
    return new BudgetSpec("db/pg-main", Math.toIntExact(limit + 100), 100, strategy);
  }

  /**
   * Published grants a little off the new targets (some consumers shrink, some grow), most
   * consumers having acknowledged their grant, all having reported a bound, and the total held
   * within the budget as the ledger guarantees.
   */
  static List<LedgerEntry> ledgerEntries(Random random, long available, List<Grant> grants) {
    List<LedgerEntry> result = new ArrayList<>(grants.size());
    long budgetLeft = available;
    for (Grant g : grants) {
      long target = g.connections();
      long issued =
          Math.max(g.guaranteed(), Math.round(target * (0.8 + 0.3 * random.nextDouble())));
      issued = Math.min(issued, Math.max(0, budgetLeft));
      long seq = 1 + random.nextInt(50);
      boolean acked = random.nextInt(10) < 8;
      long held = acked ? issued : Math.min(budgetLeft, issued + random.nextInt(5));
      long inUse = Math.max(0, held - random.nextInt(3));
      budgetLeft -= held;
      result.add(
          new LedgerEntry(
              g.consumerId(),
              -random.nextInt(5),
              target,
              issued,
              seq,
              held,
              OptionalLong.of(acked ? seq : seq - 1),
              OptionalLong.of(inUse)));
    }
    Collections.shuffle(result, random);
    return result;
  }
}
