package dev.headroom.operator.policy;

import dev.headroom.engine.transition.PoolDeliveryMode;
import dev.headroom.engine.transition.TransitionRequest;
import dev.headroom.engine.transition.WorkloadPlan;
import dev.headroom.engine.transition.WorkloadTransition;
import dev.headroom.engine.transition.Write;
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
 * Writes what the engine's {@link WorkloadTransition} plans for one workload this round: the scale
 * through the scale subresource, the pool through the policy's {@link PoolDelivery}. The
 * shrink-confirm-grow logic itself lives in the engine, where the simulator plans with it too.
 */
public final class PolicyActuator {

  private final ScaleWriter scaleWriter;
  private final WorkloadTransition transition = new WorkloadTransition();

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
    PoolDeliveryMode mode =
        delivery == null
            ? PoolDeliveryMode.NONE
            : delivery.restartsPods() ? PoolDeliveryMode.RESTARTS_PODS : PoolDeliveryMode.IN_PLACE;
    WorkloadPlan plan =
        transition.plan(
            snap.shape(poolMax),
            new TransitionRequest(
                desiredReplicas, desiredPool, snap.templatePool(), grant, poolMax, mode, growHold));
    List<String> actions = new ArrayList<>();
    for (Write write : plan.writes()) {
      if (write instanceof Write.Scale scale) {
        scaleWriter.scale(snap.ref(), scale.to());
        actions.add("replicas " + scale.from() + " → " + scale.to());
      } else if (write instanceof Write.Pool pool) {
        delivery.apply(target, pool.to());
        actions.add(
            "pool " + text(pool.from()) + " → " + pool.to() + " (" + delivery.describe() + ")");
      }
    }
    return new Actuation(plan.replicas(), plan.pool(), actions, plan.waiting(), plan.inUseBound());
  }

  private static String text(OptionalInt pool) {
    return pool.isPresent() ? Integer.toString(pool.getAsInt()) : "unset";
  }
}
