package dev.headroom.operator.policy;

import dev.headroom.engine.model.ConcurrencySample;
import dev.headroom.engine.model.SignalSample;
import dev.headroom.operator.api.v1alpha1.LoadSpec;
import dev.headroom.operator.prometheus.PrometheusClient;
import dev.headroom.operator.prometheus.PrometheusException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads a policy's load signals from Prometheus. A signal that cannot be read is left out (the
 * engine then never scales in on it) and its failure is reported.
 */
public final class SignalReader {

  /** What was read, and what could not be. */
  public record Readings(
      Map<String, SignalSample> signals,
      Optional<ConcurrencySample> concurrency,
      List<String> failures) {

    public boolean complete() {
      return failures.isEmpty();
    }
  }

  private final PrometheusClient prometheus;

  public SignalReader(PrometheusClient prometheus) {
    this.prometheus = prometheus;
  }

  public Readings read(LoadSpec load, Instant now) {
    Map<String, SignalSample> signals = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    if (load.getSignals() != null) {
      for (var signal : load.getSignals()) {
        try {
          signals.put(
              signal.getName(), SignalSample.value(now, prometheus.instantValue(signal.getQuery(), now)));
        } catch (PrometheusException e) {
          failures.add("signal " + signal.getName() + ": " + e.getMessage());
        }
      }
    }
    Optional<ConcurrencySample> concurrency = Optional.empty();
    if (load.getConcurrency() != null) {
      try {
        double rate = prometheus.instantValue(load.getConcurrency().getRateQuery(), now);
        double latency = prometheus.instantValue(load.getConcurrency().getLatencyQuery(), now);
        concurrency = Optional.of(new ConcurrencySample(now, rate, latency));
      } catch (PrometheusException e) {
        failures.add("concurrency: " + e.getMessage());
      }
    }
    return new Readings(signals, concurrency, failures);
  }
}
