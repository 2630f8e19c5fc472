package dev.headroom.engine.transition;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.engine.budget.BudgetInvariant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkloadShapeTest {

  /**
   * The bound counts the pods the workload controller may run: replicas + surge, what is still live
   * above that while scaling in, and terminating pods; at zero replicas no surge pod is ever
   * created, so a workload scaled to zero with nothing left running holds nothing.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "'steady at 3, surge 1', 3, 3, 0, 1, 20, 80",
    "'scaling in from 5 to 2', 2, 5, 0, 1, 20, 100",
    "'two pods terminating', 3, 3, 2, 1, 20, 120",
    "'scaled to zero, nothing running', 0, 0, 0, 1, 20, 0",
    "'scaled to zero, one pod terminating', 0, 0, 1, 1, 20, 20",
    "'scaled to zero, two pods still live', 0, 2, 0, 1, 20, 40",
  })
  void boundCountsThePodsTheControllerMayRun(
      String name, int specReplicas, long live, long terminating, int surge, int pool, long bound) {
    WorkloadShape shape = new WorkloadShape(specReplicas, live, terminating, surge, pool, false);

    assertThat(shape.bound()).isEqualTo(bound);
  }

  /**
   * A consumer at rest is held at exactly its footprint in the budget, or the ledger keeps it above
   * its grant (SHRINKING) for ever: at zero replicas both are zero.
   */
  @ParameterizedTest(name = "{0} replicas, surge {1}, pool {2}")
  @CsvSource({"0, 1, 20", "0, 0, 20", "1, 1, 20", "4, 2, 10"})
  void aSettledWorkloadIsBoundedByItsBudgetFootprint(int replicas, int surge, int pool) {
    WorkloadShape settled = new WorkloadShape(replicas, replicas, 0, surge, pool, false);

    assertThat(settled.bound()).isEqualTo(BudgetInvariant.footprint(replicas, surge, pool));
  }
}
