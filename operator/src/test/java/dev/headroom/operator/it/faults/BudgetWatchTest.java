package dev.headroom.operator.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The breach rules of the fault run, on hand-made samples. */
class BudgetWatchTest {

  @Test
  void aSampleAboveTheLimitIsABreachAndOneAtItIsNot() {
    BudgetWatch w = new BudgetWatch("pg", 100);
    w.sample(0, 100, Map.of(), 100, "");
    assertThat(w.breaches()).isEmpty();
    w.sample(150, 101, Map.of(), 100, "");
    assertThat(w.breaches()).hasSize(1);
    assertThat(w.maxRatio()).isEqualTo(1.01);
  }

  @Test
  void afterALoweringTheOldLimitHoldsUntilUsageIsUnderTheNewOne() {
    BudgetWatch w = new BudgetWatch("pg", 100);
    w.sample(0, 90, Map.of(), 100, "");
    w.lowering(60, 1_000);
    w.sample(1_100, 95, Map.of(), 100, "");  // a grant issued under 100 may still land
    assertThat(w.breaches()).isEmpty();
    assertThat(w.lowered()).isTrue();
    w.sample(2_000, 50, Map.of(), 60, "");   // under, but within the grace: still lowering
    assertThat(w.lowered()).isTrue();
    w.sample(4_500, 55, Map.of(), 60, "");   // under after the grace: the new limit applies
    assertThat(w.lowered()).isFalse();
    w.sample(4_650, 61, Map.of(), 60, "");
    assertThat(w.breaches()).hasSize(1);
  }

  @Test
  void aboveTheOldLimitWhileLoweringIsABreach() {
    BudgetWatch w = new BudgetWatch("pg", 100);
    w.lowering(60, 0);
    w.sample(100, 101, Map.of(), -1, "");
    assertThat(w.breaches()).hasSize(1);
  }

  @Test
  void aGrowWhileOverTheLoweredLimitIsCountedOnceTheStatusShowedIt() {
    BudgetWatch w = new BudgetWatch("pg", 100);
    w.lowering(60, 0);
    w.sample(100, 90, Map.of("a", new int[] {3, 10}), 60, "");
    w.sample(4_000, 90, Map.of("a", new int[] {3, 10}), 60, "");
    assertThat(w.growsWhileOver()).isEmpty();
    w.sample(4_150, 90, Map.of("a", new int[] {4, 10}), 60, "");
    assertThat(w.growsWhileOver()).hasSize(1);
  }

  @Test
  void notGettingUnderTheLoweredLimitInTimeIsReported() {
    BudgetWatch w = new BudgetWatch("pg", 100);
    w.lowering(60, 0);
    w.sample(BudgetWatch.BOUND_MILLIS + 1, 80, Map.of(), 60, "");
    assertThat(w.notUnderInTime()).isTrue();
  }
}
