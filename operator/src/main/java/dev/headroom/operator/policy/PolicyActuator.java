package dev.headroom.operator.policy;

import dev.headroom.operator.pool.PoolDelivery;
import dev.headroom.operator.workload.ScaleWriter;
import dev.headroom.operator.workload.WorkloadSnapshot;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Moves one workload towards a decision without ever letting its connections exceed its grant,
 * counting a pool change that rolls pods as old and new pools side by side.
 *
 * <p>One round applies either the shrinking half of the change (fewer replicas, smaller pool) or,
 * once nothing is shrinking or rolling any more, the growing half, and only if the workload's bound
 * after it still fits the grant. Between rounds the workload is observed again, so a grow never
 * starts before the shrink it depends on is visible in the cluster.
 */
public final class PolicyActuator {

  private final ScaleWriter scaleWriter;

  public PolicyActuator(ScaleWriter scaleWriter) {
    this.scaleWriter = scaleWriter;
  }

  /**
   * @param delivery how the pool reaches the pods; null when the policy has no connections
   * @param grant connections granted; empty when the policy has no budget
   * @param poolMax the policy's largest pool, assumed for pods whose pool is unknown
   */
  public Actuation apply(
      WorkloadSnapshot snap,
      GenericKubernetesResource target,
      PoolDelivery delivery,
      int desiredReplicas,
      OptionalInt desiredPool,
      OptionalLong grant,
      int poolMax) {
    return apply(
        snap, target, delivery, desiredReplicas, desiredPool, grant, poolMax, Optional.empty());
  }

  /**
   * @param growHold why nothing may grow this round even within the grant (its budget is over its
   *     limit, {@link BudgetOverLimit}); shrinks still apply
   */
  public Actuation apply(
      WorkloadSnapshot snap,
      GenericKubernetesResource target,
      PoolDelivery delivery,
      int desiredReplicas,
      OptionalInt desiredPool,
      OptionalLong grant,
      int poolMax,
      Optional<String> growHold) {
    List<String> actions = new ArrayList<>();
    int replicas = snap.specReplicas();
    OptionalInt pool = snap.templatePool();
    if (delivery == null || grant.isEmpty()) {
      if (desiredReplicas != replicas) {
        scaleWriter.scale(snap.ref(), desiredReplicas);
        actions.add("replicas " + replicas + " → " + desiredReplicas);
        replicas = desiredReplicas;
      }
      return new Actuation(
          replicas, pool, actions, Optional.empty(), snap.connectionsBound(poolMax));
    }
    long limit = grant.getAsLong();
    int targetPool = desiredPool.orElse(pool.orElse(poolMax));
    boolean rolling = delivery.restartsPods() && snap.rolloutInProgress();

    // Phase 1: everything that shrinks.
    if (desiredReplicas < replicas) {
      scaleWriter.scale(snap.ref(), desiredReplicas);
      actions.add("replicas " + replicas + " → " + desiredReplicas);
      replicas = desiredReplicas;
    }
    // A smaller pool never raises the bound (old pods keep theirs until replaced), so it is
    // applied even while the workload is above its grant: that is how it comes down. An unset
    // pool is counted as poolMax, so setting it is a shrink too.
    if (pool.isEmpty() || targetPool < pool.getAsInt()) {
      delivery.apply(target, targetPool);
      actions.add("pool " + text(pool) + " → " + targetPool + " (" + delivery.describe() + ")");
      pool = OptionalInt.of(targetPool);
    }
    if (!actions.isEmpty()) {
      return done(snap, replicas, pool, actions, Optional.empty(), poolMax);
    }

    // Phase 2: grows, once nothing is shrinking or rolling and the result fits the grant.
    boolean grows = desiredReplicas > replicas || targetPool > pool.orElse(0);
    if (!grows) {
      return done(snap, replicas, pool, actions, Optional.empty(), poolMax);
    }
    if (growHold.isPresent()) {
      return done(snap, replicas, pool, actions, growHold, poolMax);
    }
    if (rolling || snap.terminatingPods() > 0) {
      return done(
          snap,
          replicas,
          pool,
          actions,
          Optional.of("waiting for the rollout to finish before growing"),
          poolMax);
    }
    if (!fits(snap, desiredReplicas, Math.max(targetPool, pool.orElse(0)), limit, poolMax)) {
      return done(
          snap,
          replicas,
          pool,
          actions,
          Optional.of(
              "waiting: "
                  + desiredReplicas
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
      delivery.apply(target, targetPool);
      actions.add("pool " + text(pool) + " → " + targetPool + " (" + delivery.describe() + ")");
      pool = OptionalInt.of(targetPool);
      if (delivery.restartsPods()) {
        return done(snap, replicas, pool, actions, Optional.empty(), poolMax);
      }
    }
    if (desiredReplicas > replicas) {
      scaleWriter.scale(snap.ref(), desiredReplicas);
      actions.add("replicas " + replicas + " → " + desiredReplicas);
      replicas = desiredReplicas;
    }
    return done(snap, replicas, pool, actions, Optional.empty(), poolMax);
  }

  /** The workload's bound with {@code replicas} and a new pool next to the pools in play. */
  static long boundAfter(WorkloadSnapshot snap, int replicas, int newPool, int poolMax) {
    long pods =
        Math.max(snap.livePods(), (long) replicas + snap.maxSurge()) + snap.terminatingPods();
    return pods * Math.max(snap.largestPool(poolMax), newPool);
  }

  private static boolean fits(
      WorkloadSnapshot snap, int replicas, int pool, long limit, int poolMax) {
    return boundAfter(snap, replicas, pool, poolMax) <= limit;
  }

  private static Actuation done(
      WorkloadSnapshot snap,
      int replicas,
      OptionalInt pool,
      List<String> actions,
      Optional<String> waiting,
      int poolMax) {
    long bound =
        Math.max(
            snap.connectionsBound(poolMax),
            boundAfter(snap, replicas, pool.orElse(poolMax), poolMax));
    return new Actuation(replicas, pool, actions, waiting, bound);
  }

  private static String text(OptionalInt pool) {
    return pool.isPresent() ? Integer.toString(pool.getAsInt()) : "unset";
  }
}
