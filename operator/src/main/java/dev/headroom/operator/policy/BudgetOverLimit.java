package dev.headroom.operator.policy;

import dev.headroom.operator.api.v1alpha1.ConnectionBudget;
import java.util.Optional;

/**
 * Whether a budget's consumers may hold more than it has available, as its status last said: after
 * {@code maxConnections} was lowered below what is in use, until the consumers above their new
 * grants have come down. While that lasts no consumer grows, not even within its own grant: the
 * database is over its limit, and every connection added keeps it there longer.
 */
public final class BudgetOverLimit {

  private BudgetOverLimit() {}

  /** Why grows wait, when the budget is over its limit; empty otherwise. */
  public static Optional<String> growHold(Optional<ConnectionBudget> budget) {
    if (budget.isEmpty() || budget.get().getStatus() == null) {
      return Optional.empty();
    }
    var status = budget.get().getStatus();
    if (status.getInUseBound() == null
        || status.getAvailable() == null
        || status.getInUseBound() <= status.getAvailable()) {
      return Optional.empty();
    }
    return Optional.of(
        "waiting: ConnectionBudget "
            + budget.get().getMetadata().getNamespace()
            + "/"
            + budget.get().getMetadata().getName()
            + " is over its limit (its consumers may hold up to "
            + status.getInUseBound()
            + " of "
            + status.getAvailable()
            + " connections); nothing grows until they fit");
  }
}
