package dev.headroom.operator.forecast;

import dev.headroom.operator.prometheus.PrometheusException;
import dev.headroom.operator.prometheus.TimedValue;
import java.time.Instant;
import java.util.List;

/** Where history comes from: a range query of {@code key} ending at {@code end}. */
@FunctionalInterface
public interface HistorySource {

  /**
   * @return the samples, oldest first; empty when the query matched no series
   */
  List<TimedValue> fetch(HistoryKey key, Instant end) throws PrometheusException;
}
