package dev.headroom.engine.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BudgetAllocatorTest {

  private final BudgetAllocator allocator = new BudgetAllocator();

  static ConsumerDemand consumer(
      String id, int priority, int min, int desired, int poolMin, int poolMax, int surge) {
    return new ConsumerDemand(id, priority, min, desired, poolMin, poolMax, surge);
  }

  @Test
  void guaranteesCountSurgePods() {
    ConsumerDemand c = consumer("shop/api", 0, 2, 10, 5, 20, 1);

    assertThat(c.guaranteed()).isEqualTo(15); // (2 + 1) x 5
    assertThat(c.demand()).isEqualTo(220); // (10 + 1) x 20
  }

  @Test
  void plentyOfRoomGrantsFullDemand() {
    BudgetAllocation a =
        allocator.allocate(
            new BudgetSpec("db/pg-main", 500, 20, AllocationStrategy.PROPORTIONAL),
            List.of(consumer("a", 0, 1, 4, 5, 10, 1), consumer("b", 0, 1, 9, 5, 20, 1)));

    assertThat(a.overcommitted()).isFalse();
    assertThat(a.scarce()).isFalse();
    assertThat(a.grants()).extracting(Grant::connections).containsExactly(50L, 200L);
    assertThat(a.headroom()).isEqualTo(480 - 250);
  }

  /**
   * a: ceiling (5 + 1) x 10 = 60, b: (10 + 1) x 20 = 220; 280 fit in 480, so each is lent its
   * ceiling and grows within it without a budget round.
   */
  @Test
  void roomForEveryCeilingLendsEachItsCeiling() {
    BudgetSpec spec = new BudgetSpec("db/pg-main", 500, 20, AllocationStrategy.PROPORTIONAL);
    BudgetAllocation a =
        allocator.allocate(
            spec,
            List.of(
                new ConsumerDemand("a", 0, 1, 4, 5, 10, 1, 5),
                new ConsumerDemand("b", 0, 1, 9, 5, 20, 1, 10)));

    assertThat(a.lent()).isTrue();
    assertThat(a.grants()).extracting(Grant::connections).containsExactly(60L, 220L);
    assertThat(a.grants()).extracting(Grant::demand).containsExactly(50L, 200L);
    assertThat(a.headroom()).isEqualTo(480 - 280);

    BudgetAllocation busier =
        allocator.allocate(
            spec,
            List.of(
                new ConsumerDemand("a", 0, 1, 5, 5, 10, 1, 5),
                new ConsumerDemand("b", 0, 1, 2, 5, 20, 1, 10)));
    assertThat(busier.grants())
        .as("demands moved, lent grants did not")
        .extracting(Grant::connections)
        .containsExactly(60L, 220L);
  }

  /** One ceiling too many (60 + 220 + 220 > 480): grants follow demand, nobody is lent more. */
  @Test
  void withoutRoomForEveryCeilingNothingIsLent() {
    BudgetAllocation a =
        allocator.allocate(
            new BudgetSpec("db/pg-main", 500, 20, AllocationStrategy.PROPORTIONAL),
            List.of(
                new ConsumerDemand("a", 0, 1, 4, 5, 10, 1, 5),
                new ConsumerDemand("b", 0, 1, 9, 5, 20, 1, 10),
                new ConsumerDemand("c", 0, 1, 1, 5, 20, 1, 10)));

    assertThat(a.lent()).isFalse();
    assertThat(a.scarce()).isFalse();
    assertThat(a.grants()).extracting(Grant::connections).containsExactly(50L, 200L, 40L);
  }

  @Test
  void aConsumerWithoutAKnownMaximumIsNeverLentAnything() {
    BudgetAllocation a =
        allocator.allocate(
            new BudgetSpec("db/pg-main", 100_000, 0, AllocationStrategy.PROPORTIONAL),
            List.of(
                new ConsumerDemand("a", 0, 1, 4, 5, 10, 1, 5), consumer("b", 0, 1, 2, 5, 10, 1)));

    assertThat(a.lent()).isFalse();
    assertThat(a.grants()).extracting(Grant::connections).containsExactly(50L, 30L);
  }

  @Test
  void scarceBudgetIsSharedInProportionToUnmetDemand() {
    // available 200 - 20 = 180; guarantees a: (1+1)x5 = 10, b: (1+1)x5 = 10; rest 160.
    // unmet: a 50 - 10 = 40, b 200 - 10 = 190 -> 160 x 40/230 = 27.8, 160 x 190/230 = 132.2
    BudgetAllocation a =
        allocator.allocate(
            new BudgetSpec("db/pg-main", 200, 20, AllocationStrategy.PROPORTIONAL),
            List.of(consumer("a", 0, 1, 4, 5, 10, 1), consumer("b", 0, 1, 9, 5, 20, 1)));

    assertThat(a.scarce()).isTrue();
    assertThat(a.overcommitted()).isFalse();
    assertThat(a.grants()).extracting(Grant::connections).containsExactly(38L, 142L);
    assertThat(a.totalGranted()).isEqualTo(180);
  }

  @Test
  void priorityServesHigherTiersFirstAndProportionallyInsideATier() {
    // available 100; guarantees 3 x (1+0) x 2 = 6; rest 94.
    // tier 10: "pay" unmet (10 x 10) - 2 = 98 -> gets all 94; tier 0 gets nothing more.
    BudgetAllocation a =
        allocator.allocate(
            new BudgetSpec("db/pg", 100, 0, AllocationStrategy.PRIORITY),
            List.of(
                consumer("reports", 0, 1, 10, 2, 10, 0),
                consumer("pay", 10, 1, 10, 2, 10, 0),
                consumer("search", 0, 1, 10, 2, 10, 0)));

    assertThat(a.grantFor("pay").orElseThrow().connections()).isEqualTo(96);
    assertThat(a.grantFor("reports").orElseThrow().connections()).isEqualTo(2);
    assertThat(a.grantFor("search").orElseThrow().connections()).isEqualTo(2);
  }

  @Test
  void priorityTierThatFitsLeavesTheRestToTheNextTier() {
    BudgetAllocation a =
        allocator.allocate(
            new BudgetSpec("db/pg", 100, 0, AllocationStrategy.PRIORITY),
            List.of(
                consumer("pay", 10, 1, 3, 2, 10, 0), // demand 30
                consumer("reports", 0, 1, 10, 2, 10, 0), // demand 100
                consumer("search", 0, 1, 10, 2, 10, 0))); // demand 100

    // guarantees 6, rest 94: pay unmet 28 -> 30; remaining 66 split 33/33 between equal tiers.
    assertThat(a.grants())
        .extracting(Grant::consumerId, Grant::connections)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("pay", 30L),
            org.assertj.core.groups.Tuple.tuple("reports", 35L),
            org.assertj.core.groups.Tuple.tuple("search", 35L));
  }

  @Test
  void overcommittedProportionalScalesTheGuaranteesDown() {
    // guarantees 3 x (2+1) x 10 = 90 > 60 available: each gets 20, reported overcommitted.
    BudgetAllocation a =
        allocator.allocate(
            new BudgetSpec("db/small", 70, 10, AllocationStrategy.PROPORTIONAL),
            List.of(
                consumer("a", 0, 2, 5, 10, 20, 1),
                consumer("b", 0, 2, 5, 10, 20, 1),
                consumer("c", 0, 2, 5, 10, 20, 1)));

    assertThat(a.overcommitted()).isTrue();
    assertThat(a.grants()).extracting(Grant::connections).containsExactly(20L, 20L, 20L);
    assertThat(a.grants()).allMatch(Grant::belowGuarantee);
  }

  @Test
  void overcommittedRemaindersGoToTheSmallestIdOnTies() {
    BudgetAllocation a =
        allocator.allocate(
            new BudgetSpec("db/small", 61, 0, AllocationStrategy.PROPORTIONAL),
            List.of(
                consumer("c", 0, 2, 5, 10, 20, 1),
                consumer("a", 0, 2, 5, 10, 20, 1),
                consumer("b", 0, 2, 5, 10, 20, 1)));

    assertThat(a.grants())
        .extracting(Grant::consumerId, Grant::connections)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("a", 21L),
            org.assertj.core.groups.Tuple.tuple("b", 20L),
            org.assertj.core.groups.Tuple.tuple("c", 20L));
  }

  @Test
  void overcommittedPriorityKeepsTheHigherTiersMinimumsWhole() {
    BudgetAllocation a =
        allocator.allocate(
            new BudgetSpec("db/small", 50, 0, AllocationStrategy.PRIORITY),
            List.of(
                consumer("pay", 5, 2, 5, 10, 20, 1), // guarantee 30
                consumer("reports", 1, 2, 5, 10, 20, 1))); // guarantee 30

    assertThat(a.overcommitted()).isTrue();
    assertThat(a.grantFor("pay").orElseThrow().connections()).isEqualTo(30);
    assertThat(a.grantFor("reports").orElseThrow().connections()).isEqualTo(20);
  }

  @Test
  void reservedAtOrAboveTheLimitLeavesNothing() {
    BudgetAllocation a =
        allocator.allocate(
            new BudgetSpec("db/none", 10, 10, AllocationStrategy.PROPORTIONAL),
            List.of(consumer("a", 0, 1, 2, 1, 5, 0)));

    assertThat(a.available()).isZero();
    assertThat(a.overcommitted()).isTrue();
    assertThat(a.totalGranted()).isZero();
  }
}
