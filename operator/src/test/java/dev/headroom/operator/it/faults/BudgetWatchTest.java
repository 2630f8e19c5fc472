package dev.headroom.operator.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The breach rules of the fault run, on hand-made samples. */
class BudgetWatchTest {

  @Test
  void aSampleAboveTheLimitIsABreachAndOneAtItIsNot() {
    BudgetWatch w = new BudgetWatch("pg", 100);
    w.sample(0, 100, Map.of(), 100, -1, "");
    assertThat(w.breaches()).isEmpty();
    w.sample(150, 101, Map.of(), 100, -1, "");
    assertThat(w.breaches()).hasSize(1);
    assertThat(w.maxRatio()).isEqualTo(1.01);
  }

  @Test
  void afterALoweringTheOldLimitHoldsUntilTheOldGrantsAreWithdrawn() {
    BudgetWatch w = new BudgetWatch("pg", 100);
    w.sample(0, 90, Map.of(), 100, 90, "");
    w.lowering(60, 1_000);
    w.sample(1_100, 95, Map.of(), 100, 100, ""); // a grant issued under 100 may still land
    assertThat(w.breaches()).isEmpty();
    assertThat(w.lowered()).isTrue();
    w.sample(2_000, 50, Map.of(), 60, 60, ""); // under, but within the grace: still lowering
    assertThat(w.lowered()).isTrue();
    w.sample(4_500, 55, Map.of(), 60, 80, ""); // under, but a consumer still holds its old grant
    assertThat(w.lowered()).isTrue();
    w.sample(4_650, 70, Map.of(), 60, 80, ""); // and may use it: a surge pod of its shrink
    assertThat(w.breaches()).isEmpty();
    w.sample(
        4_800, 55, Map.of(), 60, 58, ""); // held fits and usage is under: the new limit applies
    assertThat(w.lowered()).isFalse();
    w.sample(4_950, 61, Map.of(), 60, 58, "");
    assertThat(w.breaches()).hasSize(1);
  }

  @Test
  void theNewLimitDoesNotApplyBeforeTheStatusShowsIt() {
    BudgetWatch w = new BudgetWatch("pg", 100);
    w.lowering(60, 0);
    w.sample(5_000, 50, Map.of(), 100, 50, ""); // the operator has not seen the edit yet
    assertThat(w.lowered()).isTrue();
    w.sample(5_150, 50, Map.of(), -1, -1, ""); // no status at all
    assertThat(w.lowered()).isTrue();
  }

  @Test
  void aboveTheOldLimitWhileLoweringIsABreach() {
    BudgetWatch w = new BudgetWatch("pg", 100);
    w.lowering(60, 0);
    w.sample(100, 101, Map.of(), -1, -1, "");
    assertThat(w.breaches()).hasSize(1);
  }

  @Test
  void aGrowWhileOverTheLoweredLimitIsCountedOnceTheStatusShowedIt() {
    BudgetWatch w = new BudgetWatch("pg", 100);
    w.lowering(60, 0);
    w.sample(100, 90, Map.of("a", new int[] {3, 10}), 60, -1, "");
    w.sample(4_000, 90, Map.of("a", new int[] {3, 10}), 60, -1, "");
    assertThat(w.growsWhileOver()).isEmpty();
    w.sample(4_150, 90, Map.of("a", new int[] {4, 10}), 60, -1, "");
    assertThat(w.growsWhileOver()).hasSize(1);
  }

  @Test
  void aReshapeThatLowersTheBoundIsNotAGrow() {
    BudgetWatch w = new BudgetWatch("pg", 100);
    w.lowering(60, 0);
    w.sample(100, 90, Map.of("a", new int[] {2, 4}), 60, -1, "");
    w.sample(4_000, 90, Map.of("a", new int[] {2, 4}), 60, -1, "");
    w.sample(4_150, 90, Map.of("a", new int[] {1, 5}), 60, -1, ""); // (2+1)x4 = 12 -> (1+1)x5 = 10
    assertThat(w.growsWhileOver()).isEmpty();
    w.sample(4_300, 90, Map.of("a", new int[] {1, 6}), 60, -1, ""); // 10 -> 12
    assertThat(w.growsWhileOver()).hasSize(1);
  }

  @Test
  void theHighestSampleIsKeptWithTheLimitItWasCheckedAgainst() {
    BudgetWatch w = new BudgetWatch("pg", 100);
    w.sample(0, 80, Map.of(), 100, -1, "");
    w.lowering(60, 100);
    w.sample(200, 90, Map.of(), 100, 100, ""); // still checked against the old limit
    w.sample(4_000, 50, Map.of(), 60, 50, ""); // the new limit applies from here
    w.sample(4_150, 58, Map.of(), 60, 50, "");
    assertThat(w.maxTotal()).isEqualTo(90);
    assertThat(w.limitAtMax()).isEqualTo(100);
    assertThat(w.maxRatio()).isEqualTo(58 / 60.0);
  }

  @Test
  void notGettingUnderTheLoweredLimitInTimeIsReported() {
    BudgetWatch w = new BudgetWatch("pg", 100);
    w.lowering(60, 0);
    w.sample(BudgetWatch.BOUND_MILLIS + 1, 80, Map.of(), 60, -1, "");
    assertThat(w.notUnderInTime()).isTrue();
  }
}
