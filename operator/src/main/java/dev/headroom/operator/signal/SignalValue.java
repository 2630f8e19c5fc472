package dev.headroom.operator.signal;

import dev.headroom.operator.prometheus.PrometheusException;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One signal's value as last read, or why there is none.
 *
 * @param value the value, empty when it could not be read
 * @param failure why not, when it could not
 * @param readAt when the answer holding it was received
 */
public record SignalValue(
    OptionalDouble value, Optional<PrometheusException> failure, Instant readAt) {

  static SignalValue of(double value, Instant readAt) {
    return new SignalValue(OptionalDouble.of(value), Optional.empty(), readAt);
  }

  static SignalValue failed(PrometheusException e, Instant readAt) {
    return new SignalValue(OptionalDouble.empty(), Optional.of(e), readAt);
  }
}
