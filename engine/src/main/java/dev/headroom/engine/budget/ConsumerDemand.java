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
 * @param maxReplicas the policy's {@code replicas.max}; {@link #NO_CEILING} when not known
 */
public record ConsumerDemand(
    String id,
    int priority,
    int minReplicas,
    int desiredReplicas,
    int poolMin,
    int poolMax,
    int maxSurge,
    int maxReplicas) {

  /** A consumer whose largest size is not known: it is never lent its ceiling. */
  public static final int NO_CEILING = Integer.MAX_VALUE;

  /** A consumer whose largest size is not known ({@link #NO_CEILING}). */
  public ConsumerDemand(
      String id,
      int priority,
      int minReplicas,
      int desiredReplicas,
      int poolMin,
      int poolMax,
      int maxSurge) {
    this(id, priority, minReplicas, desiredReplicas, poolMin, poolMax, maxSurge, NO_CEILING);
  }

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

  /**
   * Connections the consumer could use at its largest: {@code (maxReplicas + maxSurge) x poolMax}
   * (never below {@link #demand()}); {@link Long#MAX_VALUE} without a known maximum.
   */
  public long ceiling() {
    if (maxReplicas == NO_CEILING) {
      return Long.MAX_VALUE;
    }
    return Math.max(
        demand(), BudgetInvariant.footprint(Math.max(minReplicas, maxReplicas), maxSurge, poolMax));
  }
}
