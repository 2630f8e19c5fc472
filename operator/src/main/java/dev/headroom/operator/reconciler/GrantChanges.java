package dev.headroom.operator.reconciler;

import dev.headroom.operator.api.v1alpha1.ConnectionBudget;
import dev.headroom.operator.api.v1alpha1.ConsumerGrant;
import dev.headroom.operator.ids.BudgetId;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Which policies a budget event concerns. A budget rewrites its status whenever any consumer's
 * demand or acknowledgement moves, and it may have thousands of consumers: waking all of them for
 * every write would queue a reconcile per consumer per write. Only the policies whose grant (amount
 * or sequence) changed since the last event of that budget are woken; every referencing policy is
 * woken when the budget is first seen or its spec changed (access rules, size). A deleted budget
 * wakes nobody: its policies see it gone at their next periodic sync.
 */
final class GrantChanges {

  private record Seen(Long generation, Map<String, String> grants) {}

  private final Map<String, Seen> seen = new ConcurrentHashMap<>();
  private final Function<String, Set<ResourceID>> referencing;

  /** {@code referencing}: every policy that refers to a budget, by budget id "ns/name". */
  GrantChanges(Function<String, Set<ResourceID>> referencing) {
    this.referencing = referencing;
  }

  Set<ResourceID> toWake(ConnectionBudget budget) {
    String id = BudgetId.of(budget).toString();
    Map<String, String> grants = grants(budget);
    Seen now = new Seen(budget.getMetadata().getGeneration(), grants);
    Seen before = seen.put(id, now);
    if (before == null || !Objects.equals(before.generation(), now.generation())) {
      return referencing.apply(id);
    }
    Set<ResourceID> wake = new HashSet<>();
    for (var e : grants.entrySet()) {
      if (!e.getValue().equals(before.grants().get(e.getKey()))) {
        wake.add(resourceId(e.getKey()));
      }
    }
    for (String gone : before.grants().keySet()) {
      if (!grants.containsKey(gone)) {
        wake.add(resourceId(gone));
      }
    }
    return wake;
  }

  private static Map<String, String> grants(ConnectionBudget budget) {
    Map<String, String> out = new HashMap<>();
    if (budget.getStatus() != null && budget.getStatus().getConsumers() != null) {
      for (ConsumerGrant c : budget.getStatus().getConsumers()) {
        out.put(c.getPolicy(), c.getGrant() + "@" + c.getGrantSeq());
      }
    }
    return out;
  }

  private static ResourceID resourceId(String policyId) {
    String[] parts = policyId.split("/", 2);
    return new ResourceID(parts[1], parts[0]);
  }
}
