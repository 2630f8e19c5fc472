package dev.headroom.engine.capacity;

import dev.headroom.engine.model.Reason;

/**
 * Replicas needed to carry the observed concurrency with the scarcest resource.
 *
 * @param replicas ceil(in-flight / per-replica capacity)
 * @param inFlight concurrent requests by Little's law
 * @param perReplica in-flight requests one replica sustains with the scarcest resource
 * @param limitingResource name of the scarcest resource ("target" when none is declared)
 * @param why sentence for the decision's reasons, rendered by {@link #reason()}
 * @param summary the sentence without the live rate, latency and in-flight values
 */
public record CapacityRecommendation(
    int replicas,
    double inFlight,
    double perReplica,
    String limitingResource,
    Reason why,
    Reason summary) {

  /** The sentence. */
  public String reason() {
    return why.render();
  }
}
