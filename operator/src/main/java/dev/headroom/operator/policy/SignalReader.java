package dev.headroom.operator.policy;

import dev.headroom.engine.model.ConcurrencySample;
import dev.headroom.engine.model.SignalSample;
import dev.headroom.operator.api.v1alpha1.LoadSignal;
import dev.headroom.operator.api.v1alpha1.LoadSpec;
import dev.headroom.operator.prometheus.PrometheusClient;
import dev.headroom.operator.prometheus.PrometheusException;
import dev.headroom.operator.signal.SeriesSelector;
import dev.headroom.operator.signal.SignalHub;
import dev.headroom.operator.signal.SignalValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads a policy's load signals. A signal with {@code matchLabels} is read from the shared query's
 * latest answer ({@link SignalHub}); any other signal, and the concurrency signal, is asked of
 * Prometheus in the round. A signal that cannot be read is left out (the engine then never scales
 * in on it) and its failure is reported.
 */
public final class SignalReader {

  /**
   * What was read, and what could not be.
   *
   * @param shared the signals read from a shared query, by name, in spec order
   */
  public record Readings(
      Map<String, SignalSample> signals,
      Optional<ConcurrencySample> concurrency,
      List<String> failures,
      Map<String, SeriesSelector> shared) {

    public boolean complete() {
      return failures.isEmpty();
    }

    /** Whether every load signal can wake the policy, so it needs no periodic round to see load. */
    public boolean allShared(LoadSpec load) {
      int signals = load.getSignals() == null ? 0 : load.getSignals().size();
      return load.getConcurrency() == null && shared.size() == signals;
    }
  }

  private final PrometheusClient prometheus;
  private final SignalHub hub;

  public SignalReader(PrometheusClient prometheus, SignalHub hub) {
    this.prometheus = prometheus;
    this.hub = hub;
  }

  /** The selector of a signal that names a shared query, or empty for a single-series query. */
  public static Optional<SeriesSelector> sharedSelector(LoadSignal signal) {
    if (signal.getMatchLabels() == null || signal.getMatchLabels().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new SeriesSelector(signal.getQuery(), signal.getMatchLabels()));
  }

  public Readings read(LoadSpec load, Instant now) {
    Map<String, SignalSample> signals = new TreeMap<>();
    Map<String, SeriesSelector> shared = new LinkedHashMap<>();
    List<String> failures = new ArrayList<>();
    if (load.getSignals() != null) {
      for (var signal : load.getSignals()) {
        Optional<SeriesSelector> selector = sharedSelector(signal);
        if (selector.isPresent()) {
          shared.put(signal.getName(), selector.get());
          SignalValue v = hub.read(selector.get());
          if (v.value().isPresent()) {
            signals.put(signal.getName(), SignalSample.value(now, v.value().getAsDouble()));
          } else {
            failures.add(
                "signal "
                    + signal.getName()
                    + ": "
                    + v.failure().map(Throwable::getMessage).orElse("no value"));
          }
          continue;
        }
        try {
          signals.put(
              signal.getName(),
              SignalSample.value(now, prometheus.instantValue(signal.getQuery(), now)));
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
    return new Readings(signals, concurrency, failures, shared);
  }
}
