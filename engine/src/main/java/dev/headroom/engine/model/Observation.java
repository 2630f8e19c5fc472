package dev.headroom.engine.model;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * What the host observed for one policy at {@code now}.
 *
 * @param now the decision time; the engine reads no other clock
 * @param currentReplicas the workload's {@code spec.replicas} (scale subresource)
 * @param readyReplicas running and ready pods
 * @param signals latest sample per load signal name; an absent name means "no data"
 * @param concurrency latest concurrency sample, if the policy has a concurrency signal
 * @param forecastReplicas the forecaster's recommendation, if it has one
 * @param grantedConnections the budget grant for this policy, if the policy draws on a budget and a
 *     grant has been computed
 */
public record Observation(
    Instant now,
    int currentReplicas,
    int readyReplicas,
    Map<String, SignalSample> signals,
    Optional<ConcurrencySample> concurrency,
    OptionalInt forecastReplicas,
    OptionalInt grantedConnections) {

  public Observation {
    Objects.requireNonNull(now, "now");
    signals = Map.copyOf(new TreeMap<>(signals));
    Objects.requireNonNull(concurrency, "concurrency");
    Objects.requireNonNull(forecastReplicas, "forecastReplicas");
    Objects.requireNonNull(grantedConnections, "grantedConnections");
  }

  public static Observation of(Instant now, int currentReplicas, int readyReplicas) {
    return new Observation(
        now,
        currentReplicas,
        readyReplicas,
        Map.of(),
        Optional.empty(),
        OptionalInt.empty(),
        OptionalInt.empty());
  }

  public Observation withSignal(String name, SignalSample sample) {
    Map<String, SignalSample> copy = new TreeMap<>(signals);
    copy.put(name, sample);
    return new Observation(
        now,
        currentReplicas,
        readyReplicas,
        copy,
        concurrency,
        forecastReplicas,
        grantedConnections);
  }

  public Observation withConcurrency(ConcurrencySample sample) {
    return new Observation(
        now,
        currentReplicas,
        readyReplicas,
        signals,
        Optional.of(sample),
        forecastReplicas,
        grantedConnections);
  }

  public Observation withForecast(int replicas) {
    return new Observation(
        now,
        currentReplicas,
        readyReplicas,
        signals,
        concurrency,
        OptionalInt.of(replicas),
        grantedConnections);
  }

  public Observation withGrant(int connections) {
    return new Observation(
        now,
        currentReplicas,
        readyReplicas,
        signals,
        concurrency,
        forecastReplicas,
        OptionalInt.of(connections));
  }
}
