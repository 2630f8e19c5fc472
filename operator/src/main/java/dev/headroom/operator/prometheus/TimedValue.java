package dev.headroom.operator.prometheus;

import java.time.Instant;
import java.util.Objects;

/** One sample of a series: the instant Prometheus evaluated it at and its value. */
public record TimedValue(Instant at, double value) {

  public TimedValue {
    Objects.requireNonNull(at, "at");
  }
}
