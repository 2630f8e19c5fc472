package dev.headroom.simulator.sim;

import dev.headroom.engine.capacity.CapacityModel;
import dev.headroom.engine.model.Capacity;
import dev.headroom.engine.model.PolicySpec;
import dev.headroom.simulator.input.PolicyManifest;
import dev.headroom.simulator.input.Trace;

/**
 * Turns a trace into what the simulated cluster sees for one policy: the true request rate at a
 * second, the rate an autoscaler reads (delayed and averaged over the query's window), and the
 * replicas that rate needs.
 *
 * <p>Before the trace starts its first rate holds, after it ends its last.
 *
 * <p>What one replica is planned to carry, {@link #plannedPerReplica()}, comes from the policy: the
 * target of the fed signal (requests per second per replica) and, when the policy has a concurrency
 * signal and a capacity, the in-flight requests one replica sustains divided by the latency
 * (Little's law); the smaller wins. What one ready replica serves, {@link #perReplicaCapacity()},
 * is that times the capacity factor (1 unless set).
 */
public final class LoadModel {

  private final Trace trace;
  private final long start;
  private final long interval;

  /** cumulative[i] = requests in intervals [0, i). */
  private final double[] cumulative;

  private final double planned;
  private final double perReplica;
  private final long delay;
  private final long window;

  public LoadModel(PolicyManifest policy, Trace trace, SimulationSettings settings) {
    this.trace = trace;
    this.start = trace.startSecond();
    this.interval = trace.intervalSeconds();
    double[] counts = trace.requestsCopy();
    this.cumulative = new double[counts.length + 1];
    for (int i = 0; i < counts.length; i++) {
      cumulative[i + 1] = cumulative[i] + counts[i];
    }
    this.planned = plannedPerReplica(policy, settings.latency());
    this.perReplica = planned * settings.capacityFactor();
    this.delay = settings.metricDelay().getSeconds();
    this.window = settings.metricWindow().getSeconds();
  }

  /** Requests per second the policy plans one replica for. */
  public static double plannedPerReplica(PolicyManifest policy, double latencySeconds) {
    double best = Double.POSITIVE_INFINITY;
    if (policy.fedSignal().isPresent()) {
      best = policy.fedSignal().get().target();
    }
    PolicySpec spec = policy.spec();
    if (spec.concurrency().isPresent()) {
      double inFlight = Double.POSITIVE_INFINITY;
      for (Capacity c : spec.capacities()) {
        inFlight = Math.min(inFlight, c.sustainableInFlightPerReplica());
      }
      if (spec.capacities().isEmpty()) {
        inFlight = spec.concurrency().get().targetInFlightPerReplica().orElse(inFlight);
      }
      best = Math.min(best, inFlight / latencySeconds);
    }
    if (!(best > 0) || Double.isInfinite(best)) {
      throw new IllegalArgumentException(
          "policy " + policy.id() + " gives no finite per-replica capacity");
    }
    return best;
  }

  public Trace trace() {
    return trace;
  }

  /** Requests per second the policy plans one replica for (its target). */
  public double plannedPerReplica() {
    return planned;
  }

  /** Requests per second one ready replica serves. */
  public double perReplicaCapacity() {
    return perReplica;
  }

  /** Whether {@code second} lies inside the trace. */
  public boolean covers(long second) {
    return second >= start && second < trace.endSecond();
  }

  /** The true request rate (per second) at {@code second}. */
  public double rateAt(long second) {
    return trace.rate(index(second));
  }

  /** The rate an autoscaler reads at {@code now}: the mean over the delayed query window. */
  public double observedRate(long now) {
    long to = now - delay;
    if (window == 0) {
      return rateAt(to);
    }
    return (requestsUntil(to) - requestsUntil(to - window)) / window;
  }

  /** Replicas needed to serve {@code rate}: {@code ceil(rate / perReplicaCapacity)}. */
  public int replicasFor(double rate) {
    return CapacityModel.replicasFor(rate, perReplica);
  }

  private int index(long second) {
    long i = Math.floorDiv(second - start, interval);
    return (int) Math.max(0, Math.min(trace.size() - 1, i));
  }

  /** Requests from the trace start to {@code second}, extended flat before and after it. */
  private double requestsUntil(long second) {
    long offset = second - start;
    if (offset <= 0) {
      return offset * trace.rate(0);
    }
    long full = offset / interval;
    if (full >= trace.size()) {
      long after = offset - interval * trace.size();
      return cumulative[trace.size()] + after * trace.rate(trace.size() - 1);
    }
    long inside = offset - full * interval;
    return cumulative[(int) full] + inside * trace.rate((int) full);
  }
}
