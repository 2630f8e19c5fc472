package dev.headroom.engine.budget;

/**
 * The budget invariant: {@code sum over consumers of (replicas + maxSurge) x max(pool_old,
 * pool_new) <= maxConnections - reserved}, at every moment, rollouts included.
 */
public final class BudgetInvariant {

  private BudgetInvariant() {}

  /**
   * Connections a consumer may hold: {@code (replicas + maxSurge) x pool}, and zero at zero
   * replicas (no pods, nothing to surge).
   */
  public static long footprint(int replicas, int maxSurge, int pool) {
    if (replicas <= 0) {
      return 0;
    }
    return ((long) replicas + Math.max(0, maxSurge)) * Math.max(0, pool);
  }
}
