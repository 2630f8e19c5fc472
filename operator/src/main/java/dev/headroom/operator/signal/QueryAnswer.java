package dev.headroom.operator.signal;

import dev.headroom.operator.prometheus.PrometheusException;
import dev.headroom.operator.prometheus.SeriesSet;
import java.time.Instant;
import java.util.Optional;

/** One answer to a shared query: every series it returned, or why it failed, and when. */
record QueryAnswer(Optional<SeriesSet> series, Optional<PrometheusException> failure, Instant at) {

  static QueryAnswer of(SeriesSet series, Instant at) {
    return new QueryAnswer(Optional.of(series), Optional.empty(), at);
  }

  static QueryAnswer failed(PrometheusException failure, Instant at) {
    return new QueryAnswer(Optional.empty(), Optional.of(failure), at);
  }

  /** The value of the series a policy picks by its labels. */
  SignalValue select(SeriesSet.Pick pick) {
    if (failure.isPresent()) {
      return SignalValue.failed(failure.get(), at);
    }
    try {
      return SignalValue.of(series.get().select(pick).value(), at);
    } catch (PrometheusException e) {
      return SignalValue.failed(e, at);
    }
  }
}
