package dev.headroom.engine.transition;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Moves one workload towards a decision without ever letting its connections exceed its grant,
 * counting a pool change that rolls pods as old and new pools side by side: shrink, confirm, grow.
 * The operator and the simulator both plan every round of a workload here.
 *
 * <p>One round plans either the shrinking half of the change (fewer replicas, smaller pool) or,
 * once nothing is shrinking, rolling or terminating any more and the workload runs no more pods
 * than its replicas plus surge (the controller has caught up), the growing half, and only if the
 * workload's bound after it, {@code (max(live pods, replicas + surge) + terminating pods) ×
 * max(largest pool in play, new pool)}, still fits the grant. A larger pool goes first and more
 * replicas only once its rollout is over. Between rounds the host observes the workload again, so a
 * grow never starts before the shrink it depends on is visible.
 */
public final class WorkloadTransition {

  public WorkloadPlan plan(WorkloadShape shape, TransitionRequest request) {
    List<Write> writes = new ArrayList<>();
    int replicas = shape.specReplicas();
    OptionalInt pool = request.templatePool();
    int desired = request.desiredReplicas();
    int poolMax = request.poolMax();
    if (request.delivery() == PoolDeliveryMode.NONE || request.grant().isEmpty()) {
      if (desired != replicas) {
        writes.add(new Write.Scale(replicas, desired));
        replicas = desired;
      }
      return new WorkloadPlan(writes, replicas, pool, Optional.empty(), shape.bound());
    }
    long limit = request.grant().getAsLong();
    int targetPool = request.desiredPool().orElse(pool.orElse(poolMax));
    boolean restarts = request.delivery() == PoolDeliveryMode.RESTARTS_PODS;
    boolean rolling = restarts && shape.rolloutInProgress();

    // Phase 1: everything that shrinks.
    if (desired < replicas) {
      writes.add(new Write.Scale(replicas, desired));
      replicas = desired;
    }
    // A smaller pool never raises the bound (old pods keep theirs until replaced), so it is
    // applied even while the workload is above its grant: that is how it comes down. An unset
    // pool is counted as poolMax, so setting it is a shrink too.
    if (pool.isEmpty() || targetPool < pool.getAsInt()) {
      writes.add(new Write.Pool(pool, targetPool));
      pool = OptionalInt.of(targetPool);
    }
    if (!writes.isEmpty()) {
      return done(shape, writes, replicas, pool, Optional.empty(), poolMax);
    }

    // Phase 2: grows, once nothing is shrinking or rolling and the result fits the grant.
    boolean grows = desired > replicas || targetPool > pool.orElse(0);
    if (!grows) {
      return done(shape, writes, replicas, pool, Optional.empty(), poolMax);
    }
    if (request.growHold().isPresent()) {
      return done(shape, writes, replicas, pool, request.growHold(), poolMax);
    }
    if (rolling || shape.terminatingPods() > 0) {
      return done(
          shape,
          writes,
          replicas,
          pool,
          Optional.of("waiting for the rollout to finish before growing"),
          poolMax);
    }
    if (shape.podsAboveAccounted() > 0) {
      return done(
          shape,
          writes,
          replicas,
          pool,
          Optional.of(
              "waiting for "
                  + shape.podsAboveAccounted()
                  + " pods above replicas + surge ("
                  + shape.accountedPods()
                  + ") to go before growing"),
          poolMax);
    }
    if (shape.boundAfter(desired, Math.max(targetPool, pool.orElse(0))) > limit) {
      return done(
          shape,
          writes,
          replicas,
          pool,
          Optional.of(
              "waiting: "
                  + desired
                  + " replicas × pool "
                  + targetPool
                  + " do not fit the grant of "
                  + limit
                  + " yet"),
          poolMax);
    }
    // A larger pool first, and more replicas only once its rollout is over. Scaling first would
    // add pods with the old pool that the rollout then replaces, and the Deployment controller
    // does not wait for a replaced pod to exit: old pods still terminating next to their
    // replacements would hold connections beyond (replicas + maxSurge) x pool.
    if (targetPool > pool.orElse(0)) {
      writes.add(new Write.Pool(pool, targetPool));
      pool = OptionalInt.of(targetPool);
      if (restarts) {
        return done(shape, writes, replicas, pool, Optional.empty(), poolMax);
      }
    }
    if (desired > replicas) {
      writes.add(new Write.Scale(replicas, desired));
      replicas = desired;
    }
    return done(shape, writes, replicas, pool, Optional.empty(), poolMax);
  }

  private static WorkloadPlan done(
      WorkloadShape shape,
      List<Write> writes,
      int replicas,
      OptionalInt pool,
      Optional<String> waiting,
      int poolMax) {
    long bound = Math.max(shape.bound(), shape.boundAfter(replicas, pool.orElse(poolMax)));
    return new WorkloadPlan(writes, replicas, pool, waiting, bound);
  }
}
