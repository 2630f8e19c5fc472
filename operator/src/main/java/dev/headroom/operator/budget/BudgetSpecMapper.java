package dev.headroom.operator.budget;

import dev.headroom.engine.budget.BudgetSpec;
import dev.headroom.operator.api.v1alpha1.AllocationStrategy;
import dev.headroom.operator.api.v1alpha1.ConnectionBudget;
import dev.headroom.operator.api.v1alpha1.ConnectionBudgetSpec;
import dev.headroom.operator.ids.BudgetId;

/** Turns a ConnectionBudget resource into the engine's Kubernetes-free {@link BudgetSpec}. */
public final class BudgetSpecMapper {

  private BudgetSpecMapper() {}

  /**
   * @param maxConnections the limit in force: {@code spec.maxConnections}, or the lower limit that
   *     {@code spec.observed} read from the server
   */
  public static BudgetSpec toEngine(ConnectionBudget budget, int maxConnections) {
    ConnectionBudgetSpec spec = budget.getSpec();
    return new BudgetSpec(
        BudgetId.of(budget).toString(),
        maxConnections,
        spec.getReserved(),
        spec.getAllocation() == AllocationStrategy.PRIORITY
            ? dev.headroom.engine.budget.AllocationStrategy.PRIORITY
            : dev.headroom.engine.budget.AllocationStrategy.PROPORTIONAL);
  }
}
