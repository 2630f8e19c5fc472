package dev.headroom.engine.transition;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Where a workload should go this round, and what bounds the way.
 *
 * @param desiredReplicas replicas decided
 * @param desiredPool pool decided, if any (none: keep the template's, else {@code poolMax})
 * @param templatePool pool the workload gives new pods now, if it sets one
 * @param grant connections granted; empty when the policy has no budget
 * @param poolMax the policy's largest pool, assumed for a pool that is not known
 * @param delivery how the pool reaches the pods
 * @param growHold why nothing may grow this round even within the grant (its budget is over its
 *     limit); shrinks still apply
 */
public record TransitionRequest(
    int desiredReplicas,
    OptionalInt desiredPool,
    OptionalInt templatePool,
    OptionalLong grant,
    int poolMax,
    PoolDeliveryMode delivery,
    Optional<String> growHold) {

  public TransitionRequest {
    if (desiredReplicas < 0) {
      throw new IllegalArgumentException("desired replicas below zero: " + desiredReplicas);
    }
    if (delivery == null
        || desiredPool == null
        || templatePool == null
        || grant == null
        || growHold == null) {
      throw new IllegalArgumentException(
          "a transition request needs every field (empty, not null)");
    }
  }
}
