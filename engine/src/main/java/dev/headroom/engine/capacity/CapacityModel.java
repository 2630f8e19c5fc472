package dev.headroom.engine.capacity;

import dev.headroom.engine.model.Capacity;
import dev.headroom.engine.model.ConcurrencySample;
import dev.headroom.engine.model.ConcurrencySignal;
import dev.headroom.engine.model.Reason;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Load to replicas through the scarcest resource.
 *
 * <p>In-flight requests follow Little's law ({@code rate x latency}); each declared capacity gives
 * how many in-flight requests one replica sustains ({@code limit / perRequestCost x
 * targetUtilization}); the smallest of those is the scarcest resource and decides. The inputs are
 * expected to be worst-case figures (a p95/p99 latency, a burst rate), so the result covers peak
 * concurrency, not the average.
 */
public final class CapacityModel {

  /** Guards {@code ceil} against floating-point noise such as 3.0000000000000004. */
  private static final double EPSILON = 1e-9;

  /**
   * The replica recommendation, or empty when there is nothing to compute with (no sample, no
   * capacity and no per-replica target, or non-finite inputs).
   */
  public Optional<CapacityRecommendation> recommend(
      ConcurrencySignal signal, List<Capacity> capacities, Optional<ConcurrencySample> sample) {
    if (sample.isEmpty()) {
      return Optional.empty();
    }
    ConcurrencySample s = sample.get();
    if (!Double.isFinite(s.ratePerSecond())
        || !Double.isFinite(s.latencySeconds())
        || s.ratePerSecond() < 0
        || s.latencySeconds() < 0) {
      return Optional.empty();
    }
    Scarcest scarcest = scarcest(signal, capacities);
    if (scarcest == null) {
      return Optional.empty();
    }
    double inFlight = s.inFlight();
    double perReplica = scarcest.perReplica();
    int replicas = replicasFor(inFlight, perReplica);
    Reason reason =
        () ->
            String.format(
                Locale.ROOT,
                "capacity: %s req/s x %s s = %s in flight / %s per replica (%s) -> %d",
                fmt(s.ratePerSecond()),
                fmt(s.latencySeconds()),
                fmt(inFlight),
                fmt(perReplica),
                scarcest.explanation(),
                replicas);
    Reason summary =
        () ->
            String.format(
                Locale.ROOT,
                "capacity: %s per replica (%s) -> %d",
                fmt(perReplica),
                scarcest.explanation(),
                replicas);
    return Optional.of(
        new CapacityRecommendation(
            replicas, inFlight, perReplica, scarcest.name(), reason, summary));
  }

  /** Replicas to carry {@code load} at {@code perReplica} each. */
  public static int replicasFor(double load, double perReplica) {
    if (load <= 0) {
      return 0;
    }
    double exact = load / perReplica;
    double ceiled = Math.ceil(exact - EPSILON);
    return ceiled >= Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) Math.max(0, ceiled);
  }

  /** The scarcest resource; {@code capacity} is null for the signal's own target. */
  private record Scarcest(String name, double perReplica, Capacity capacity) {

    String explanation() {
      return capacity == null
          ? "target " + fmt(perReplica) + " in flight per replica"
          : explain(capacity);
    }
  }

  private static Scarcest scarcest(ConcurrencySignal signal, List<Capacity> capacities) {
    Capacity best = null;
    double bestPerReplica = 0;
    for (int i = 0, n = capacities.size(); i < n; i++) {
      Capacity capacity = capacities.get(i);
      double perReplica = capacity.sustainableInFlightPerReplica();
      if (!(perReplica > 0) || !Double.isFinite(perReplica)) {
        continue;
      }
      if (best == null || perReplica < bestPerReplica) {
        best = capacity;
        bestPerReplica = perReplica;
      }
    }
    if (best != null) {
      return new Scarcest(best.name(), bestPerReplica, best);
    }
    if (signal.targetInFlightPerReplica().isPresent()) {
      double target = signal.targetInFlightPerReplica().getAsDouble();
      if (target > 0) {
        return new Scarcest("target", target, null);
      }
    }
    return null;
  }

  private static String explain(Capacity capacity) {
    String utilization = fmt(capacity.targetUtilization() * 100) + "%";
    if (capacity.perRequestCost().isPresent()) {
      return String.format(
          Locale.ROOT,
          "%s %s / %s per request at %s",
          capacity.name(),
          fmt(capacity.perReplicaLimit()),
          fmt(capacity.perRequestCost().getAsDouble()),
          utilization);
    }
    return String.format(
        Locale.ROOT, "%s %s at %s", capacity.name(), fmt(capacity.perReplicaLimit()), utilization);
  }

  static String fmt(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return String.format(Locale.ROOT, "%.2f", value);
  }
}
