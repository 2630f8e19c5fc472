package dev.headroom.simulator.input;

import java.util.List;

/** Every ScalingPolicy and ConnectionBudget read from a set of files. */
public record Manifests(List<PolicyManifest> policies, List<BudgetManifest> budgets) {

  public Manifests {
    policies = List.copyOf(policies);
    budgets = List.copyOf(budgets);
  }
}
