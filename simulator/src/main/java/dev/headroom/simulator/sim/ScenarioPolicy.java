package dev.headroom.simulator.sim;

import dev.headroom.simulator.input.PolicyManifest;
import dev.headroom.simulator.input.Trace;
import java.util.OptionalInt;

/** A policy and the trace that drives it. */
public record ScenarioPolicy(PolicyManifest manifest, Trace trace) {

  public String id() {
    return manifest.id();
  }

  /**
   * Surge pods counted at {@code replicas}: {@code spec.connections.maxSurge} when set, otherwise a
   * Deployment's default 25% of the replicas, rounded up (what the operator reads from the rollout
   * strategy at the current replica count).
   */
  public int surge(int replicas) {
    OptionalInt explicit = manifest.maxSurge();
    if (explicit.isPresent()) {
      return explicit.getAsInt();
    }
    return (int) Math.ceil(Math.max(0, replicas) * SimulationSettings.DEFAULT_SURGE_SHARE - 1e-9);
  }
}
