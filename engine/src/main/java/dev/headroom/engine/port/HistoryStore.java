package dev.headroom.engine.port;

import dev.headroom.engine.model.ScalingHistory;

/**
 * Keeps each policy's {@link ScalingHistory} between decisions (the policy status in the operator,
 * memory in the simulator). Contract: {@link #load} returns {@link ScalingHistory#empty()} for an
 * unknown policy; {@link #store} replaces the whole value.
 */
public interface HistoryStore {

  ScalingHistory load(String policyId);

  void store(String policyId, ScalingHistory history);
}
