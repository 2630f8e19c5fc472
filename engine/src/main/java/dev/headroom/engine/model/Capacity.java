package dev.headroom.engine.model;

import java.util.OptionalDouble;

/**
 * Per-replica capacity of one scarce resource.
 *
 * <p>One replica sustains {@code perReplicaLimit / perRequestCost x targetUtilization} concurrent
 * requests; without a per-request cost every request takes one unit ({@code perReplicaLimit x
 * targetUtilization}). Examples: 200 worker threads at 80% carry 160 in-flight requests; 2048 MiB
 * of heap at 16 MiB per request and 75% carry 96.
 *
 * @param kind the resource
 * @param name display name; the API name of {@code kind}, or the user's name for {@code CUSTOM}
 * @param perReplicaLimit units of the resource one replica has (> 0)
 * @param perRequestCost units one in-flight request takes (> 0), if not one
 * @param targetUtilization share of the limit to plan for, in (0, 1]
 */
public record Capacity(
    ResourceKind kind,
    String name,
    double perReplicaLimit,
    OptionalDouble perRequestCost,
    double targetUtilization) {

  public static Capacity of(ResourceKind kind, double perReplicaLimit, double targetUtilization) {
    return new Capacity(
        kind, kind.apiName(), perReplicaLimit, OptionalDouble.empty(), targetUtilization);
  }

  public static Capacity perRequest(
      ResourceKind kind, double perReplicaLimit, double perRequestCost, double targetUtilization) {
    return new Capacity(
        kind,
        kind.apiName(),
        perReplicaLimit,
        OptionalDouble.of(perRequestCost),
        targetUtilization);
  }

  /** Concurrent requests one replica sustains at the target utilization. */
  public double sustainableInFlightPerReplica() {
    double perRequest = perRequestCost.orElse(1.0);
    return perReplicaLimit / perRequest * targetUtilization;
  }
}
