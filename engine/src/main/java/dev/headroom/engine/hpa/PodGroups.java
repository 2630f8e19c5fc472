package dev.headroom.engine.hpa;

import dev.headroom.engine.model.PodSample;
import java.util.ArrayList;
import java.util.List;

/** Pods split the way the HPA groups them: ready with a value, unready, missing. */
record PodGroups(List<Double> readyValues, int unready, int missing) {

  static PodGroups of(List<PodSample> pods) {
    List<Double> ready = new ArrayList<>();
    int unready = 0;
    int missing = 0;
    for (PodSample pod : pods) {
      if (!pod.ready()) {
        unready++;
      } else if (pod.value().isEmpty() || Double.isNaN(pod.value().getAsDouble())) {
        missing++;
      } else {
        ready.add(pod.value().getAsDouble());
      }
    }
    return new PodGroups(List.copyOf(ready), unready, missing);
  }
}
