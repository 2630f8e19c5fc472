package dev.headroom.operator.signal;

import dev.headroom.engine.band.ValueBand;
import java.util.Objects;
import java.util.Optional;

/**
 * What a policy's last round saw of one signal: the band its value may move in without changing the
 * round's outcome, or, when the round had no value, nothing (then any value wakes it).
 */
public record SignalWatch(SeriesSelector selector, Optional<ValueBand> band) {

  public SignalWatch {
    Objects.requireNonNull(selector, "selector");
    Objects.requireNonNull(band, "band");
  }

  /** Whether a newly read value, or a failure to read one, asks for another round. */
  boolean leftBy(SignalValue now) {
    if (band.isEmpty()) {
      return now.value().isPresent();
    }
    return now.value().isEmpty() || !band.get().contains(now.value().getAsDouble());
  }
}
