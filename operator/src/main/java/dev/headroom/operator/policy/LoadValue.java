package dev.headroom.operator.policy;

import dev.headroom.engine.model.PodSample;
import dev.headroom.engine.model.SignalSample;
import java.util.Optional;

/** The load one signal read, as one number: its value, or the sum over the pods that reported. */
final class LoadValue {

  private LoadValue() {}

  static Optional<Double> of(SignalSample sample) {
    if (sample.value().isPresent()) {
      return Optional.of(sample.value().getAsDouble());
    }
    double sum = 0;
    boolean any = false;
    for (PodSample pod : sample.pods()) {
      if (pod.value().isPresent()) {
        sum += pod.value().getAsDouble();
        any = true;
      }
    }
    return any ? Optional.of(sum) : Optional.empty();
  }
}
