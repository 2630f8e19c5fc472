package dev.headroom.engine.hpa;

import dev.headroom.engine.model.PodSample;
import java.util.List;

/**
 * Pods split the way the HPA groups them: ready with a value (their count and the sum of their
 * values, added in pod order), unready, missing.
 */
record PodGroups(int ready, double readySum, int unready, int missing) {

  static PodGroups of(List<PodSample> pods) {
    int ready = 0;
    double sum = 0;
    int unready = 0;
    int missing = 0;
    for (int i = 0, n = pods.size(); i < n; i++) {
      PodSample pod = pods.get(i);
      if (!pod.ready()) {
        unready++;
      } else if (pod.value().isEmpty() || Double.isNaN(pod.value().getAsDouble())) {
        missing++;
      } else {
        ready++;
        sum += pod.value().getAsDouble();
      }
    }
    return new PodGroups(ready, sum, unready, missing);
  }

  /** Mean of the ready pods' values. */
  double readyAverage() {
    return readySum / ready;
  }
}
