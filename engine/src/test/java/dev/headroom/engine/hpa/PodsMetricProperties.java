package dev.headroom.engine.hpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.engine.model.PodSample;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The per-pod metric groups pods by counting and summing as it goes; it proposes exactly what the
 * straightforward form (a list of the ready values, summed in pod order) does.
 */
class PodsMetricProperties {

  private final ReplicaCalculator calculator = new ReplicaCalculator(0.1);

  @Property(tries = 5000, seed = "20261205")
  void groupingByRunningSumsEqualsTheListForm(@ForAll long seed) {
    Random r = new Random(seed);
    List<PodSample> pods = new ArrayList<>();
    for (int i = r.nextInt(14); i > 0; i--) {
      switch (r.nextInt(5)) {
        case 0 -> pods.add(PodSample.unready("p" + i));
        case 1 -> pods.add(PodSample.missing("p" + i));
        default -> pods.add(PodSample.ready("p" + i, r.nextDouble() * 2000));
      }
    }
    int current = r.nextInt(20);
    double target = 1 + r.nextDouble() * 900;

    MetricProposal actual = calculator.podsMetric(current, target, pods);
    Reference expected = reference(current, target, pods);

    assertThat(actual.available()).isEqualTo(expected.available);
    if (expected.available) {
      assertThat(actual.replicas()).isEqualTo(expected.replicas);
      assertThat(actual.usage()).isEqualTo(expected.usage);
    }
  }

  record Reference(boolean available, int replicas, double usage) {}

  /** {@code calcPlainMetricReplicas} over a list of the ready values. */
  Reference reference(int current, double target, List<PodSample> pods) {
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
    if (ready.isEmpty()) {
      return new Reference(false, 0, Double.NaN);
    }
    double sum = 0;
    for (double v : ready) {
      sum += v;
    }
    double usage = sum / ready.size();
    double ratio = usage / target;
    boolean upWithUnready = unready > 0 && ratio > 1.0;
    if (!upWithUnready && missing == 0) {
      return new Reference(
          true,
          calculator.withinTolerance(ratio)
              ? current
              : ReplicaCalculator.ceilToInt(ratio * ready.size()),
          usage);
    }
    double total = sum;
    int counted = ready.size();
    if (missing > 0) {
      if (ratio < 1.0) {
        total += target * missing;
        counted += missing;
      } else if (ratio > 1.0) {
        counted += missing;
      }
    }
    if (upWithUnready) {
      counted += unready;
    }
    double newRatio = total / counted / target;
    boolean reversed = (ratio < 1.0 && newRatio > 1.0) || (ratio > 1.0 && newRatio < 1.0);
    if (calculator.withinTolerance(newRatio) || reversed) {
      return new Reference(true, current, usage);
    }
    int replicas = ReplicaCalculator.ceilToInt(newRatio * counted);
    if ((newRatio < 1.0 && replicas > current) || (newRatio > 1.0 && replicas < current)) {
      return new Reference(true, current, usage);
    }
    return new Reference(true, replicas, usage);
  }
}
