package dev.headroom.engine.hpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.engine.model.PodSample;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cases of the Kubernetes HPA's {@code pkg/controller/podautoscaler/replica_calculator_test.go},
 * ported as data: inputs and expected outputs, each named after the upstream test.
 *
 * <p>Mapping of the upstream fixtures: resource levels and requests are per container in milli
 * units (both containers of a pod carry the same values, so the utilization is unchanged when one
 * container is used). Pods the upstream controller ignores (failed, being deleted) are left out, as
 * the host does before calling the engine. Pending pods, and for CPU pods that are unready or still
 * warming up ("hot CPU"), are passed as not ready; for custom per-pod metrics readiness of a
 * running pod does not matter upstream, so those pods are passed as ready.
 */
class UpstreamReplicaCalculatorCasesTest {

  private final ReplicaCalculator calculator = new ReplicaCalculator(0.1);

  // ---- Resource metrics with a utilization target -------------------------------------------

  record ResourceCase(
      String name,
      int current,
      int targetPercent,
      List<PodUsage> pods,
      int expected,
      long expectedUtilization) {}

  static PodUsage r(long level) {
    return PodUsage.ready("p", level, 1000);
  }

  static PodUsage r(long level, long request) {
    return PodUsage.ready("p", level, request);
  }

  static PodUsage u(long level) {
    return PodUsage.unready("p", level, 1000);
  }

  static PodUsage m() {
    return PodUsage.missing("p", 1000);
  }

  static PodUsage pending() {
    return PodUsage.pending("p", 1000);
  }

  static Stream<Arguments> resourceCases() {
    // TestReplicaCalcComputedToleranceAlgImplementation: 10 pods using 150m of ~300m requests,
    // a target just outside (56%) and just inside (55%) the tolerance around 50%.
    List<PodUsage> computed = new ArrayList<>();
    long[] requestOffsets = {100, -100, 10, -10, 2, -2, 1, -1, 0, 0};
    for (long offset : requestOffsets) {
      computed.add(PodUsage.ready("p", 150, 300 + offset));
    }
    return Stream.of(
            new ResourceCase(
                "TestReplicaCalcScaleUp", 3, 30, List.of(r(300), r(500), r(700)), 5, 50),
            new ResourceCase(
                "TestReplicaCalcScaleUpUnreadyLessScale",
                3,
                30,
                List.of(u(300), r(500), r(700)),
                4,
                60),
            new ResourceCase(
                "TestReplicaCalcScaleUpHotCpuLessScale",
                3,
                30,
                List.of(u(300), r(500), r(700)),
                4,
                60),
            new ResourceCase(
                "TestReplicaCalcScaleUpUnreadyNoScale",
                3,
                30,
                List.of(r(400), u(500), u(700)),
                3,
                40),
            new ResourceCase(
                "TestReplicaCalcScaleHotCpuNoScale", 3, 30, List.of(r(400), u(500), u(700)), 3, 40),
            new ResourceCase(
                "TestReplicaCalcScaleUpIgnoresFailedPods", 2, 30, List.of(r(500), r(700)), 4, 60),
            new ResourceCase(
                "TestReplicaCalcScaleUpIgnoresDeletionPods", 2, 30, List.of(r(500), r(700)), 4, 60),
            new ResourceCase(
                "TestReplicaCalcScaleDown",
                5,
                50,
                List.of(r(100), r(300), r(500), r(250), r(250)),
                3,
                28),
            new ResourceCase(
                "TestReplicaCalcScaleDownIncludeUnreadyPods",
                5,
                50,
                List.of(r(100), r(300), r(500), u(250), u(250)),
                2,
                30),
            new ResourceCase(
                "TestReplicaCalcScaleDownExcludeUnscheduledPods",
                5,
                50,
                List.of(r(100), pending(), pending(), pending(), pending()),
                1,
                10),
            new ResourceCase(
                "TestReplicaCalcScaleDownIgnoreHotCpuPods",
                5,
                50,
                List.of(r(100), r(300), r(500), u(250), u(250)),
                2,
                30),
            new ResourceCase(
                "TestReplicaCalcScaleDownIgnoresFailedPods",
                5,
                50,
                List.of(r(100), r(300), r(500), r(250), r(250)),
                3,
                28),
            new ResourceCase(
                "TestReplicaCalcScaleDownIgnoresDeletionPods",
                5,
                50,
                List.of(r(100), r(300), r(500), r(250), r(250)),
                3,
                28),
            new ResourceCase(
                "TestReplicaCalcTolerance",
                3,
                100,
                List.of(r(1010, 900), r(1030, 1000), r(1020, 1100)),
                3,
                102),
            new ResourceCase(
                "TestReplicaCalcSuperfluousMetrics",
                4,
                100,
                List.of(r(4000), r(9500), r(3000), r(7000)),
                24,
                587),
            new ResourceCase(
                "TestReplicaCalcMissingMetrics", 4, 100, List.of(r(400), r(95), m(), m()), 3, 24),
            new ResourceCase(
                "TestReplicaCalcMissingMetricsNoChangeEq", 2, 100, List.of(r(1000), m()), 2, 100),
            new ResourceCase(
                "TestReplicaCalcMissingMetricsNoChangeGt", 2, 100, List.of(r(1900), m()), 2, 190),
            new ResourceCase(
                "TestReplicaCalcMissingMetricsNoChangeLt", 2, 100, List.of(r(600), m()), 2, 60),
            new ResourceCase(
                "TestReplicaCalcMissingMetricsUnreadyChange",
                3,
                50,
                List.of(u(100), r(450), m()),
                3,
                45),
            new ResourceCase(
                "TestReplicaCalcMissingMetricsHotCpuNoChange",
                3,
                50,
                List.of(u(100), r(450), m()),
                3,
                45),
            new ResourceCase(
                "TestReplicaCalcMissingMetricsUnreadyScaleUp",
                3,
                50,
                List.of(u(100), r(2000), m()),
                4,
                200),
            new ResourceCase(
                "TestReplicaCalcMissingMetricsHotCpuScaleUp",
                3,
                50,
                List.of(u(100), r(2000), m()),
                4,
                200),
            new ResourceCase(
                "TestReplicaCalcMissingMetricsUnreadyScaleDown",
                4,
                50,
                List.of(u(100), r(100), r(100), m()),
                3,
                10),
            new ResourceCase(
                "TestReplicaCalcDuringRollingUpdateWithMaxSurge",
                2,
                50,
                List.of(r(100), r(100), m()),
                2,
                10),
            new ResourceCase(
                "TestReplicaCalcComputedToleranceAlgImplementation/scale", 10, 56, computed, 9, 50),
            new ResourceCase(
                "TestReplicaCalcComputedToleranceAlgImplementation/no scale",
                10,
                55,
                computed,
                10,
                50))
        .map(c -> Arguments.of(c.name(), c));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("resourceCases")
  void resourceUtilization(String name, ResourceCase c) {
    MetricProposal proposal =
        calculator.resourceUtilization(c.current(), c.targetPercent(), c.pods());

    assertThat(proposal.available()).isTrue();
    assertThat(proposal.replicas()).isEqualTo(c.expected());
    assertThat((long) proposal.usage()).isEqualTo(c.expectedUtilization());
  }

  static Stream<Arguments> resourceErrorCases() {
    return Stream.of(
        Arguments.of("TestReplicaCalcDisjointResourcesMetrics", List.of(m())),
        Arguments.of("TestReplicaCalcEmptyMetrics", List.of(m(), m(), m())),
        Arguments.of("TestReplicaCalcEmptyCPURequest", List.of(PodUsage.ready("p", 200, 0))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("resourceErrorCases")
  void resourceUtilizationWithoutUsableData(String name, List<PodUsage> pods) {
    MetricProposal proposal = calculator.resourceUtilization(4, 100, pods);

    assertThat(proposal.available()).isFalse();
    assertThat(proposal.outcome()).isEqualTo(MetricProposal.Outcome.UNAVAILABLE);
  }

  // ---- Per-pod custom metrics ---------------------------------------------------------------

  static Stream<Arguments> podsCases() {
    return Stream.of(
        Arguments.of("TestReplicaCalcScaleUpCM", 3, 15000.0, values(20000, 10000, 30000), 4),
        Arguments.of(
            "TestReplicaCalcScaleUpCMUnreadyHotCpuNoLessScale",
            3,
            15000.0,
            values(50000, 10000, 30000),
            6),
        Arguments.of(
            "TestReplicaCalcScaleUpCMUnreadyHotCpuScaleWouldScaleDown",
            3,
            15000.0,
            values(50000, 15000, 30000),
            7),
        Arguments.of("TestReplicaCalcScaleUpCMExternal", 1, 4400.0, values(8600), 2),
        Arguments.of("TestReplicaCalcScaleUpCMExternalNoLabels", 1, 4400.0, values(8600), 2),
        Arguments.of(
            "TestReplicaCalcScaleDownCM", 5, 20000.0, values(12000, 12000, 12000, 12000, 12000), 3),
        Arguments.of("TestReplicaCalcToleranceCM", 3, 20000.0, values(20000, 21000, 21000), 3));
  }

  static List<PodSample> values(double... values) {
    List<PodSample> pods = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      pods.add(PodSample.ready("test-pod-" + i, values[i]));
    }
    return pods;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("podsCases")
  void podsMetric(String name, int current, double target, List<PodSample> pods, int expected) {
    assertThat(calculator.podsMetric(current, target, pods).replicas()).isEqualTo(expected);
  }

  // ---- Object / external metrics with a Value target ----------------------------------------

  static Stream<Arguments> valueCases() {
    return Stream.of(
        Arguments.of("TestReplicaCalcScaleUpCMObject", 3, 3, 20000.0, 15000.0, 4),
        Arguments.of("TestReplicaCalcScaleUpCMObjectIgnoresUnreadyPods", 3, 1, 50000.0, 10000.0, 5),
        Arguments.of("TestReplicaCalcScaleUpCMExternalIgnoresUnreadyPods", 3, 1, 8600.0, 4400.0, 2),
        Arguments.of("TestReplicaCalcScaleDownCMObject", 5, 5, 12000.0, 20000.0, 3),
        Arguments.of("TestReplicaCalcScaleDownCMExternal", 5, 5, 8600.0, 14334.0, 3),
        Arguments.of("TestReplicaCalcToleranceCMObject", 3, 3, 20666.0, 20000.0, 3),
        Arguments.of("TestReplicaCalcToleranceCMExternal", 3, 3, 8600.0, 8888.0, 3));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valueCases")
  void valueTarget(String name, int current, int ready, double value, double target, int expected) {
    assertThat(calculator.value(current, ready, value, target).replicas()).isEqualTo(expected);
  }

  // ---- Object / external metrics with an AverageValue target --------------------------------

  static Stream<Arguments> averageValueCases() {
    return Stream.of(
        Arguments.of("TestReplicaCalcScaleUpCMPerPodObject", 3, 20000.0, 5000.0, 4),
        Arguments.of("TestReplicaCalcScaleUpPerPodCMExternal", 3, 8600.0, 2150.0, 4),
        Arguments.of("TestReplicaCalcScaleDownPerPodCMObject", 5, 6000.0, 2000.0, 3),
        Arguments.of("TestReplicaCalcScaleDownPerPodCMExternal", 5, 8600.0, 2867.0, 3),
        Arguments.of("TestReplicaCalcTolerancePerPodCMObject", 4, 20166.0, 5000.0, 4),
        Arguments.of("TestReplicaCalcTolerancePerPodCMExternal", 3, 8600.0, 2900.0, 3));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("averageValueCases")
  void averageValueTarget(String name, int current, double total, double target, int expected) {
    assertThat(calculator.averageValue(current, total, target).replicas()).isEqualTo(expected);
  }
}
