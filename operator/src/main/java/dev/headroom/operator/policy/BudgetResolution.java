package dev.headroom.operator.policy;

import dev.headroom.operator.api.v1alpha1.ConnectionBudget;
import dev.headroom.operator.api.v1alpha1.ScalingPolicy;
import dev.headroom.operator.budget.BudgetAccess;
import dev.headroom.operator.config.ShardSelector;
import dev.headroom.operator.status.EventReasons;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Map;
import java.util.Optional;

/**
 * The budget a policy draws on, and its grant, or why there is none: the budget is missing, does
 * not allow the policy's namespace, or has not granted anything yet.
 */
public record BudgetResolution(Optional<GrantView> grant, String reason, String message) {

  public boolean usable() {
    return grant.isPresent();
  }

  public static BudgetResolution resolve(
      KubernetesClient client, ScalingPolicy policy, Optional<ConnectionBudget> budget) {
    return resolve(client, policy, budget, Optional.empty());
  }

  /**
   * @param shard this operator's shard selector, if sharded: a budget missing from the cache is
   *     then read once from the API server to tell "in another shard" from "does not exist"
   */
  public static BudgetResolution resolve(
      KubernetesClient client,
      ScalingPolicy policy,
      Optional<ConnectionBudget> budget,
      Optional<ShardSelector> shard) {
    String budgetId = PolicySpecMapper.budgetId(policy);
    if (budget.isEmpty() && shard.isPresent()) {
      Optional<BudgetResolution> elsewhere = outsideShard(client, budgetId, shard.get());
      if (elsewhere.isPresent()) {
        return elsewhere.get();
      }
    }
    if (budget.isEmpty()) {
      return new BudgetResolution(
          Optional.empty(),
          EventReasons.BUDGET_NOT_FOUND,
          "spec.connections.budgetRef: ConnectionBudget "
              + budgetId
              + " does not exist; replicas and pool are left as they are");
    }
    String namespace = policy.getMetadata().getNamespace();
    Map<String, String> labels = Map.of();
    if (budget.get().getSpec().getNamespaceSelector() != null) {
      Namespace ns = client.namespaces().withName(namespace).get();
      labels =
          ns == null || ns.getMetadata().getLabels() == null
              ? Map.of()
              : ns.getMetadata().getLabels();
    }
    if (!BudgetAccess.allows(budget.get(), namespace, labels)) {
      return new BudgetResolution(
          Optional.empty(),
          EventReasons.BUDGET_FORBIDDEN,
          "spec.connections.budgetRef: ConnectionBudget "
              + budgetId
              + " does not allow namespace "
              + namespace
              + " (allowedNamespaces / namespaceSelector); replicas and pool are left as they are");
    }
    Optional<GrantView> grant = GrantView.of(budget.get(), PolicySpecMapper.policyId(policy));
    if (grant.isEmpty()) {
      return new BudgetResolution(
          Optional.empty(),
          EventReasons.AWAITING_GRANT,
          "waiting for ConnectionBudget " + budgetId + " to grant connections to this policy");
    }
    return new BudgetResolution(grant, EventReasons.RECONCILED, "");
  }

  private static Optional<BudgetResolution> outsideShard(
      KubernetesClient client, String budgetId, ShardSelector shard) {
    String[] id = budgetId.split("/", 2);
    ConnectionBudget found;
    try {
      found = client.resources(ConnectionBudget.class).inNamespace(id[0]).withName(id[1]).get();
    } catch (KubernetesClientException e) {
      return Optional.empty();
    }
    if (found == null || shard.matches(found.getMetadata().getLabels())) {
      return Optional.empty();
    }
    return Optional.of(
        new BudgetResolution(
            Optional.empty(),
            EventReasons.BUDGET_OUTSIDE_SHARD,
            "spec.connections.budgetRef: ConnectionBudget "
                + budgetId
                + " is not in this operator's"
                + " shard ("
                + shard
                + "): a budget and all its consumers must carry the same shard"
                + " label; replicas and pool are left as they are"));
  }
}
