package dev.headroom.engine.port;

import dev.headroom.engine.model.ConcurrencySample;
import dev.headroom.engine.model.PolicySpec;
import dev.headroom.engine.model.SignalSample;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Where observations come from (Prometheus in the operator, a trace in the simulator).
 *
 * <p>Contract: return the latest sample per load-signal name of {@code spec}; leave a name out (or
 * return {@link SignalSample#missing()}) when the backend has nothing, and never throw for missing
 * data: the engine fails static on it. Samples carry their own timestamps; the engine treats old
 * samples as missing.
 */
public interface MetricsSource {

  Map<String, SignalSample> signals(PolicySpec spec, Instant now);

  /** The concurrency sample, when the policy has a concurrency signal. */
  default Optional<ConcurrencySample> concurrency(PolicySpec spec, Instant now) {
    return Optional.empty();
  }
}
