package dev.headroom.engine.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The latest observation of one load signal.
 *
 * @param timestamp when the value was measured (empty: unknown, taken as fresh)
 * @param value the value for {@link SignalKind#AVERAGE_VALUE} and {@link SignalKind#VALUE}
 * @param pods the per-pod values for {@link SignalKind#PODS}
 */
public record SignalSample(
    Optional<Instant> timestamp, OptionalDouble value, List<PodSample> pods) {

  public SignalSample {
    pods = List.copyOf(pods);
  }

  public static SignalSample value(Instant timestamp, double value) {
    return new SignalSample(Optional.of(timestamp), OptionalDouble.of(value), List.of());
  }

  public static SignalSample pods(Instant timestamp, List<PodSample> pods) {
    return new SignalSample(Optional.of(timestamp), OptionalDouble.empty(), pods);
  }

  /** The metrics backend answered nothing for this signal. */
  public static SignalSample missing() {
    return new SignalSample(Optional.empty(), OptionalDouble.empty(), List.of());
  }
}
