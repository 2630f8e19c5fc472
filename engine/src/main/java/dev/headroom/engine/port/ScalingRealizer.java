package dev.headroom.engine.port;

/**
 * Applies decisions to the world: the scale subresource and the pool-size delivery in the operator,
 * a simulated workload in the simulator.
 *
 * <p>Contract: both calls are idempotent (applying the current value is a no-op); they are never
 * called for dry-run policies; a failure is reported by throwing, and the caller keeps the previous
 * history so the next round retries.
 */
public interface ScalingRealizer {

  void realizeReplicas(String policyId, int replicas);

  void realizePoolSize(String policyId, int poolSize);
}
