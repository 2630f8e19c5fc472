package dev.headroom.operator.forecast;

import dev.headroom.operator.prometheus.PrometheusClient;
import dev.headroom.operator.prometheus.PrometheusException;
import dev.headroom.operator.prometheus.TimedValue;
import java.time.Instant;
import java.util.List;

/**
 * History from {@code /api/v1/query_range}: {@code [end - lookback, end]} every step. A query that
 * matches no series is an empty history, not a failure.
 */
public final class PrometheusHistorySource implements HistorySource {

  private final PrometheusClient prometheus;

  public PrometheusHistorySource(PrometheusClient prometheus) {
    this.prometheus = prometheus;
  }

  @Override
  public List<TimedValue> fetch(HistoryKey key, Instant end) throws PrometheusException {
    try {
      return prometheus.range(key.query(), end.minus(key.lookback()), end, key.step());
    } catch (PrometheusException.EmptyResult e) {
      return List.of();
    }
  }
}
