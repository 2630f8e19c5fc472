package dev.headroom.engine.budget;

import dev.headroom.engine.model.Reason;

/**
 * Replicas and pool that fit a grant.
 *
 * @param replicas replicas the workload may run (the desired count unless budget-limited)
 * @param pool connection pool per replica
 * @param budgetLimited the grant could not give even {@code poolMin} to every desired replica
 * @param why sentence for the decision's reasons, rendered by {@link #reason()}
 */
public record PoolSize(int replicas, int pool, boolean budgetLimited, Reason why) {

  /** The sentence. */
  public String reason() {
    return why.render();
  }

  /** Connections this size holds at most, surge included. */
  public long footprint(int maxSurge) {
    return BudgetInvariant.footprint(replicas, maxSurge, pool);
  }
}
