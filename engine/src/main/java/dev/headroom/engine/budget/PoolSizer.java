package dev.headroom.engine.budget;

import dev.headroom.engine.model.Reason;

/**
 * Turns a grant into replicas and a pool size.
 *
 * <p>The pool is {@code floor(grant / (replicas + maxSurge))} clamped to {@code [poolMin,
 * poolMax]}. When even {@code poolMin} does not fit, replicas are capped to {@code floor(grant /
 * poolMin) - maxSurge} and the result is flagged budget-limited. The cap may go below {@code
 * replicas.min} (down to zero) when the budget is overcommitted: the budget invariant wins over the
 * replica floor, and the budget reports {@code Overcommitted} so that its owner can fix it. In
 * every case {@code (replicas + maxSurge) x pool <= grant} (a workload at zero replicas holds
 * nothing).
 */
public final class PoolSizer {

  private static final Reason NO_REPLICAS = Reason.of("0 replicas hold no connections");

  public PoolSize size(long grant, int desiredReplicas, int poolMin, int poolMax, int maxSurge) {
    int desired = Math.max(0, desiredReplicas);
    if (desired == 0) {
      return new PoolSize(0, poolMin, false, NO_REPLICAS);
    }
    long slots = (long) desired + maxSurge;
    long fair = grant / slots;
    if (fair >= poolMin) {
      int pool = (int) Math.min(poolMax, fair);
      return new PoolSize(
          desired,
          pool,
          false,
          () ->
              String.format(
                  "%d connections -> %d replicas x pool %d%s",
                  grant, desired, pool, maxSurge > 0 ? " (+" + maxSurge + " surge)" : ""));
    }
    long fitting = grant / Math.max(1, poolMin) - maxSurge;
    int replicas = (int) Math.max(0, Math.min(desired, fitting));
    if (replicas == 0) {
      return new PoolSize(
          0,
          poolMin,
          true,
          () ->
              String.format(
                  "%d connections do not fit one replica at pool %d (+%d surge): capped to 0 replicas",
                  grant, poolMin, maxSurge));
    }
    int pool = (int) Math.min(poolMax, Math.max(poolMin, grant / ((long) replicas + maxSurge)));
    return new PoolSize(
        replicas,
        pool,
        true,
        () ->
            String.format(
                "%d connections fit %d of %d desired replicas at pool %d%s: capped to %d",
                grant,
                replicas,
                desired,
                pool,
                maxSurge > 0 ? " (+" + maxSurge + " surge)" : "",
                replicas));
  }
}
