package dev.headroom.engine.model;

import java.util.OptionalDouble;

/**
 * Observed concurrency through Little's law: in-flight requests = arrival rate (per second) x
 * latency (seconds). Both inputs should be worst-case figures (e.g. the p99 latency and a burst
 * rate) so that the replicas follow peak concurrency rather than the average.
 *
 * @param name label used in reasons
 * @param targetInFlightPerReplica in-flight requests one replica should carry when the policy
 *     declares no {@link Capacity}; ignored when a capacity is declared
 */
public record ConcurrencySignal(String name, OptionalDouble targetInFlightPerReplica) {

  public static ConcurrencySignal of(String name) {
    return new ConcurrencySignal(name, OptionalDouble.empty());
  }

  public static ConcurrencySignal withTarget(String name, double targetInFlightPerReplica) {
    return new ConcurrencySignal(name, OptionalDouble.of(targetInFlightPerReplica));
  }
}
