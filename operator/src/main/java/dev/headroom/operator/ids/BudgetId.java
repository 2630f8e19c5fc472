package dev.headroom.operator.ids;

import dev.headroom.operator.api.v1alpha1.ConnectionBudget;
import dev.headroom.operator.api.v1alpha1.ConnectionsSpec;
import dev.headroom.operator.api.v1alpha1.ScalingPolicy;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.Objects;
import java.util.Optional;

/**
 * A ConnectionBudget by namespace and name, as a policy refers to it ({@code
 * spec.connections.budgetRef}, in the policy's namespace unless it names another) and as the budget
 * itself is.
 */
public record BudgetId(String namespace, String name) {

  public BudgetId {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
  }

  public static BudgetId of(ConnectionBudget budget) {
    return new BudgetId(budget.getMetadata().getNamespace(), budget.getMetadata().getName());
  }

  /** The budget {@code policy} draws on; empty when it has no spec or no connections. */
  public static Optional<BudgetId> referencedBy(ScalingPolicy policy) {
    if (policy.getSpec() == null || policy.getSpec().getConnections() == null) {
      return Optional.empty();
    }
    ConnectionsSpec c = policy.getSpec().getConnections();
    String ns =
        c.getBudgetRef().getNamespace() != null
            ? c.getBudgetRef().getNamespace()
            : policy.getMetadata().getNamespace();
    return Optional.of(new BudgetId(ns, c.getBudgetRef().getName()));
  }

  /** The budget as the Operator SDK's caches key it. */
  public ResourceID resourceId() {
    return new ResourceID(name, namespace);
  }

  /** {@code namespace/name}, as status, events and the engine write it. */
  @Override
  public String toString() {
    return namespace + "/" + name;
  }
}
