package dev.headroom.engine.port;

import dev.headroom.engine.model.ConcurrencySample;
import dev.headroom.engine.model.PolicySpec;
import dev.headroom.engine.model.SignalSample;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** Default {@link MetricsSource}: values set by hand per policy (tests, demos, simulator). */
public final class StaticMetricsSource implements MetricsSource {

  private final Map<String, Map<String, SignalSample>> signals = new ConcurrentHashMap<>();
  private final Map<String, ConcurrencySample> concurrency = new ConcurrentHashMap<>();

  public StaticMetricsSource put(String policyId, String signal, SignalSample sample) {
    signals.computeIfAbsent(policyId, id -> new ConcurrentHashMap<>()).put(signal, sample);
    return this;
  }

  public StaticMetricsSource put(String policyId, ConcurrencySample sample) {
    concurrency.put(policyId, sample);
    return this;
  }

  @Override
  public Map<String, SignalSample> signals(PolicySpec spec, Instant now) {
    return new TreeMap<>(signals.getOrDefault(spec.id(), Map.of()));
  }

  @Override
  public Optional<ConcurrencySample> concurrency(PolicySpec spec, Instant now) {
    return Optional.ofNullable(concurrency.get(spec.id()));
  }
}
