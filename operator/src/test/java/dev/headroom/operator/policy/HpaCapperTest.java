package dev.headroom.operator.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.headroom.operator.policy.HpaCapper.Cap;
import dev.headroom.operator.workload.PodView;
import dev.headroom.operator.workload.WorkloadRef;
import dev.headroom.operator.workload.WorkloadSnapshot;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HpaCapperTest {

  @Test
  void lowersTheOwnersMaxToWhatTheGrantCarriesAndRemembersTheOwnersValue() {
    Cap cap = HpaCapper.plan(hpa(1, 50, Map.of()), 40, 180, 5, 1);

    assertThat(cap).isEqualTo(new Cap(50, 35));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "a grant far above what the owner allows | 30 | 1000 | 30",
        "the policy's max above the owner's      | 30 |  400 | 30",
        "the grant below the owner's             | 30 |  100 | 19"
      })
  void neverRaisesAboveTheOwnersMax(String name, int ownerMax, long grant, int expected) {
    assertThat(HpaCapper.plan(hpa(1, ownerMax, Map.of()), 40, grant, 5, 1).maxReplicas())
        .isEqualTo(expected);
  }

  @Test
  void aCappedHpaKeepsItsOwnersValueAsTheCeilingWhenTheGrantGrows() {
    HorizontalPodAutoscaler capped =
        hpa(
            1,
            7,
            Map.of(
                HpaCapper.OWNER_MAX,
                "30",
                HpaCapper.CAPPED_MAX,
                "7",
                HpaCapper.CAPPED_BY,
                "checkout"));

    assertThat(HpaCapper.plan(capped, 40, 1000, 5, 1)).isEqualTo(new Cap(30, 30));
    assertThat(HpaCapper.plan(capped, 40, 60, 5, 1)).isEqualTo(new Cap(30, 11));
  }

  @Test
  void anOwnersChangeSinceTheLastCapIsTheNewCeiling() {
    HorizontalPodAutoscaler edited =
        hpa(
            1,
            25,
            Map.of(
                HpaCapper.OWNER_MAX,
                "30",
                HpaCapper.CAPPED_MAX,
                "7",
                HpaCapper.CAPPED_BY,
                "checkout"));

    assertThat(HpaCapper.plan(edited, 40, 1000, 5, 1)).isEqualTo(new Cap(25, 25));
  }

  @ParameterizedTest(name = "owner {0}, capped {1}")
  @CsvSource({"abc, 7", "-3, 7", "30, x"})
  void annotationsEditedByHandCountAsNotRecorded(String owner, String capped) {
    HorizontalPodAutoscaler hpa =
        hpa(1, 7, Map.of(HpaCapper.OWNER_MAX, owner, HpaCapper.CAPPED_MAX, capped));

    assertThat(HpaCapper.plan(hpa, 40, 1000, 5, 1)).isEqualTo(new Cap(7, 7));
  }

  @Test
  void neverBelowTheHpasMinReplicas() {
    assertThat(HpaCapper.plan(hpa(3, 30, Map.of()), 40, 10, 5, 1)).isEqualTo(new Cap(30, 3));
  }

  @Test
  void aCapAboveTheOwnersIsRefused() {
    assertThatThrownBy(() -> new Cap(10, 11))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a cap of 11 is above the owner's 10");
  }

  @Test
  void aPoolShrinkRaisesTheCapOnlyOnceEveryPodRunsTheSmallerPool() {
    // Grant 120, surge 1: at pool 10 the cap is 11, at pool 5 it would be 23.
    WorkloadSnapshot rolling = snapshot(OptionalInt.of(5), 10, 10, 5);
    WorkloadSnapshot rolledOut = snapshot(OptionalInt.of(5), 5, 5, 5);

    int during = HpaCapper.poolInPlay(5, rolling, 20);
    int after = HpaCapper.poolInPlay(5, rolledOut, 20);

    assertThat(during).isEqualTo(10);
    assertThat(HpaCapper.plan(hpa(1, 50, Map.of()), 40, 120, during, 1).maxReplicas())
        .isEqualTo(11);
    assertThat(after).isEqualTo(5);
    assertThat(HpaCapper.plan(hpa(1, 50, Map.of()), 40, 120, after, 1).maxReplicas()).isEqualTo(23);
  }

  @Test
  void aPoolGrowLowersTheCapBeforeAnyPodRunsIt() {
    WorkloadSnapshot atFive = snapshot(OptionalInt.of(5), 5, 5, 5);

    assertThat(HpaCapper.poolInPlay(10, atFive, 20)).isEqualTo(10);
  }

  @Test
  void aPodWithoutAKnownPoolCountsAsThePolicysLargest() {
    WorkloadSnapshot unknown =
        new WorkloadSnapshot(
            new WorkloadRef("shop", "apps/v1", "Deployment", "api"),
            1,
            1,
            "app=api",
            1,
            OptionalInt.of(5),
            List.of(new PodView("p0", true, false, OptionalInt.empty())),
            false,
            1,
            "uid-api");

    assertThat(HpaCapper.poolInPlay(5, unknown, 20)).isEqualTo(20);
  }

  @Test
  void aPlanAlreadyInPlaceNeedsNoPatch() {
    Map<String, String> recorded =
        Map.of(
            HpaCapper.OWNER_MAX, "50", HpaCapper.CAPPED_MAX, "35", HpaCapper.CAPPED_BY, "checkout");

    assertThat(new Cap(50, 35).appliedTo(hpa(1, 35, recorded), "checkout")).isTrue();
    assertThat(new Cap(50, 35).appliedTo(hpa(1, 35, recorded), "other")).isFalse();
    assertThat(new Cap(50, 35).appliedTo(hpa(1, 35, Map.of()), "checkout")).isFalse();
    assertThat(new Cap(50, 34).appliedTo(hpa(1, 35, recorded), "checkout")).isFalse();
  }

  private static HorizontalPodAutoscaler hpa(int min, int max, Map<String, String> annotations) {
    return new HorizontalPodAutoscalerBuilder()
        .withNewMetadata()
        .withName("checkout")
        .withNamespace("shop")
        .withAnnotations(new LinkedHashMap<>(annotations))
        .endMetadata()
        .withNewSpec()
        .withMinReplicas(min)
        .withMaxReplicas(max)
        .endSpec()
        .build();
  }

  private static WorkloadSnapshot snapshot(OptionalInt template, int... podPools) {
    List<PodView> pods =
        Arrays.stream(podPools)
            .mapToObj(p -> new PodView("p" + p, true, false, OptionalInt.of(p)))
            .toList();
    return new WorkloadSnapshot(
        new WorkloadRef("shop", "apps/v1", "Deployment", "api"),
        pods.size(),
        pods.size(),
        "app=api",
        1,
        template,
        pods,
        false,
        1,
        "uid-api");
  }
}
