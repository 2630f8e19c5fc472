package dev.headroom.operator.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A policy status compared and copied as values must agree with what a status write sends: two
 * statuses are equal exactly when their JSON is, and a copy is equal and independent.
 */
class StatusValuesTest {

  private static final KubernetesSerialization JSON = JsonValues.JSON;

  /** A random status from a seed; small ranges so that two statuses are often (partly) equal. */
  static ScalingPolicyStatus status(long seed) {
    Random r = new Random(seed);
    ScalingPolicyStatus s = new ScalingPolicyStatus();
    if (r.nextBoolean()) {
      s.setObservedGeneration((long) r.nextInt(3));
    }
    s.setCurrentReplicas(r.nextBoolean() ? r.nextInt(3) : null);
    s.setDesiredReplicas(r.nextInt(3));
    s.setPoolSize(r.nextBoolean() ? 5 : null);
    s.setGrant(r.nextBoolean() ? r.nextInt(2) * 50 : null);
    s.setRequestedReplicas(r.nextInt(2));
    s.setInUseBound(r.nextBoolean() ? (long) r.nextInt(2) : null);
    s.setWinner(r.nextBoolean() ? "Reactive" : "Schedule");
    s.setLimitedBy(r.nextBoolean() ? "None" : null);
    s.setActiveSchedule(r.nextBoolean() ? "morning" : null);
    s.setLastScaleTime(r.nextBoolean() ? "2026-12-05T08:00:00Z" : null);
    for (int i = r.nextInt(2); i > 0; i--) {
      s.getConditions()
          .add(
              new ConditionBuilder()
                  .withType("Ready")
                  .withStatus(r.nextBoolean() ? "True" : "False")
                  .withReason("Steady")
                  .withMessage("ok")
                  .withLastTransitionTime("2026-12-05T08:00:00Z")
                  .build());
    }
    for (int i = r.nextInt(2); i > 0; i--) {
      SourceRecommendation rec = new SourceRecommendation();
      rec.setSource("Reactive");
      rec.setReplicas(r.nextInt(2));
      rec.setDetail(r.nextBoolean() ? "load 20 / 10 per replica" : null);
      s.getRecommendations().add(rec);
    }
    for (int i = r.nextInt(2); i > 0; i--) {
      DecisionRecord d = new DecisionRecord();
      d.setTime("2026-12-05T08:00:00Z");
      d.setFromReplicas(r.nextInt(2));
      d.setToReplicas(2);
      d.setReason("scaled");
      d.setActions(
          r.nextBoolean() ? new ArrayList<>(List.of("replicas 1 → 2")) : new ArrayList<>());
      d.setDryRun(r.nextBoolean() ? Boolean.TRUE : null);
      s.getHistory().add(d);
    }
    for (int i = r.nextInt(2); i > 0; i--) {
      TimedReplicas t = new TimedReplicas();
      t.setTime("2026-12-05T08:00:0" + r.nextInt(2) + "Z");
      t.setReplicas(r.nextInt(2));
      s.getRecentRecommendations().add(t);
    }
    if (r.nextBoolean()) {
      ForecastStatus f = new ForecastStatus();
      f.setSignal("rps");
      f.setPredictedLoad(r.nextBoolean() ? 1.5 : null);
      s.setForecast(f);
    }
    return s;
  }

  /** Fixed seeds, so that a failure is reproduced by its seed. */
  static LongStream seeds() {
    return new Random(20261205).longs(1500);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void equalExactlyWhenTheirJsonIs(long a) {
    ScalingPolicyStatus x = status(a);
    ScalingPolicyStatus y = status(Long.rotateLeft(a, 17) % 64);
    ScalingPolicyStatus z = status(a % 64);
    ScalingPolicyStatus same = status(a);
    JsonValues.equalExactlyWhenTheirJsonIs(x, List.of(y, z, same));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void aCopyIsEqualAndIndependent(long seed) {
    JsonValues.aCopyIsEqualAndIndependent(
        status(seed),
        ScalingPolicyStatus::copy,
        copy -> {
          copy.getConditions().add(new ConditionBuilder().withType("X").build());
          copy.getRecommendations().forEach(r -> r.setReplicas(99));
          copy.getHistory().forEach(d -> d.getActions().add("more"));
          copy.getRecentRecommendations().forEach(t -> t.setReplicas(99));
          if (copy.getForecast() != null) {
            copy.getForecast().setSignal("other");
          }
        });
  }

  /** One change of each kind a round makes; each must make the status differ. */
  static List<java.util.function.Consumer<ScalingPolicyStatus>> changes() {
    return List.of(
        st -> st.setDesiredReplicas(st.getDesiredReplicas() + 1),
        st -> st.setObservedGeneration(7L),
        st -> st.setGrant(999),
        st -> st.setInUseBound(12345L),
        st -> st.setWinner("Forecast"),
        st -> st.setNextScheduleWindow("2026-12-06T09:00:00Z"),
        st -> st.setAcknowledgedGrantSeq(42L),
        st -> st.setMaxSurge(3),
        st -> st.getConditions().add(new ConditionBuilder().withType("BudgetLimited").build()),
        st -> st.getRecommendations().add(new SourceRecommendation()),
        st -> st.getHistory().add(new DecisionRecord()),
        st -> st.getRecentRecommendations().add(new TimedReplicas()),
        st -> st.getRecentScaleEvents().add(new ScaleEventRecord()),
        st -> st.setForecast(new ForecastStatus()));
  }

  @Test
  void everyKindOfChangeMakesTheStatusDiffer() {
    for (long seed = 0; seed < 50; seed++) {
      for (var change : changes()) {
        ScalingPolicyStatus before = status(seed);
        ScalingPolicyStatus after = before.copy();
        change.accept(after);
        if (!JSON.asJson(before).equals(JSON.asJson(after))) {
          assertThat(after).isNotEqualTo(before);
        }
      }
    }
  }

  @Test
  void anAbsentAndAnEmptyListOfActionsAreWrittenAlikeAndEqual() {
    DecisionRecord absent = new DecisionRecord();
    absent.setActions(null);
    DecisionRecord empty = new DecisionRecord();
    assertThat(JSON.asJson(absent)).isEqualTo(JSON.asJson(empty));
    assertThat(absent).isEqualTo(empty).hasSameHashCodeAs(empty);
  }
}
