package dev.headroom.engine.capacity;

/**
 * Replicas needed to carry the observed concurrency with the scarcest resource.
 *
 * @param replicas ceil(in-flight / per-replica capacity)
 * @param inFlight concurrent requests by Little's law
 * @param perReplica in-flight requests one replica sustains with the scarcest resource
 * @param limitingResource name of the scarcest resource ("target" when none is declared)
 * @param reason sentence for the decision's reasons
 */
public record CapacityRecommendation(
    int replicas, double inFlight, double perReplica, String limitingResource, String reason) {}
