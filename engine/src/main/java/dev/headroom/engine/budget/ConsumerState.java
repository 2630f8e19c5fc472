package dev.headroom.engine.budget;

/**
 * A consumer as it runs now.
 *
 * @param id the policy
 * @param replicas replicas now
 * @param maxSurge extra pods during a rollout
 * @param poolOnPods pool size the running pods use
 * @param poolInRollout pool size being rolled out (equal to {@code poolOnPods} when no rollout is
 *     in flight); while both exist, the larger one is counted for every pod
 */
public record ConsumerState(
    String id, int replicas, int maxSurge, int poolOnPods, int poolInRollout) {

  public static ConsumerState steady(String id, int replicas, int maxSurge, int pool) {
    return new ConsumerState(id, replicas, maxSurge, pool, pool);
  }

  /** Connections this consumer may hold: {@code (replicas + maxSurge) x max(pools)}. */
  public long footprint() {
    return BudgetInvariant.footprint(replicas, maxSurge, Math.max(poolOnPods, poolInRollout));
  }
}
