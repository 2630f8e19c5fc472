package dev.headroom.engine.budget;

/**
 * What one policy asks of a budget.
 *
 * @param id the policy ({@code namespace/name}); ties are broken by it
 * @param priority larger is served first under {@link AllocationStrategy#PRIORITY}
 * @param minReplicas the policy's {@code replicas.min}
 * @param desiredReplicas replicas the policy wants before the budget cap
 * @param poolMin smallest pool per replica
 * @param poolMax largest pool per replica
 * @param maxSurge extra pods during a rollout
 */
public record ConsumerDemand(
    String id,
    int priority,
    int minReplicas,
    int desiredReplicas,
    int poolMin,
    int poolMax,
    int maxSurge) {

  /**
   * Connections guaranteed before anything else is shared: {@code (minReplicas + maxSurge) x
   * poolMin}. Surge pods are included: without them a rollout at the minimum could break the budget
   * invariant.
   */
  public long guaranteed() {
    return BudgetInvariant.footprint(minReplicas, maxSurge, poolMin);
  }

  /** Connections that satisfy the consumer fully: {@code (desired + maxSurge) x poolMax}. */
  public long demand() {
    return Math.max(
        guaranteed(),
        BudgetInvariant.footprint(Math.max(minReplicas, desiredReplicas), maxSurge, poolMax));
  }
}
