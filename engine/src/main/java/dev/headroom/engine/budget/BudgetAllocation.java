package dev.headroom.engine.budget;

import java.util.List;
import java.util.Optional;

/**
 * Grants for every consumer of one budget.
 *
 * @param budgetId the budget
 * @param available {@code maxConnections - reserved}
 * @param overcommitted the guaranteed minimums alone exceed {@code available}
 * @param scarce the full demands exceed {@code available}
 * @param lent every consumer is granted its ceiling ({@link BudgetAllocator}: the room fits all)
 * @param grants one per consumer, sorted by consumer id
 */
public record BudgetAllocation(
    String budgetId,
    long available,
    boolean overcommitted,
    boolean scarce,
    boolean lent,
    List<Grant> grants) {

  public BudgetAllocation {
    grants = List.copyOf(grants);
  }

  public long totalGranted() {
    return grants.stream().mapToLong(Grant::connections).sum();
  }

  /** {@code available - totalGranted}. */
  public long headroom() {
    return available - totalGranted();
  }

  public Optional<Grant> grantFor(String consumerId) {
    return grants.stream().filter(g -> g.consumerId().equals(consumerId)).findFirst();
  }
}
