package dev.headroom.operator.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.headroom.operator.api.v1alpha1.ScalingPolicy;
import dev.headroom.operator.api.v1alpha1.ScalingPolicyStatus;
import dev.headroom.operator.api.v1alpha1.TimedReplicas;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecommendationMemoryTest {

  private static final KubernetesSerialization JSON = new KubernetesSerialization();
  private static final Instant T0 = Instant.parse("2026-03-10T08:00:00Z");

  private final RecommendationMemory memory = new RecommendationMemory(Duration.ofSeconds(60));

  @Test
  void aStatusNeverPersistedIsWritten() {
    ScalingPolicy stored = policy("7", 5, rec(T0, 5));
    ScalingPolicy working = withRecommendation(stored, rec(T0.plusSeconds(15), 5));

    assertThat(memory.defer(stored, working, T0.plusSeconds(15))).isFalse();
  }

  @Test
  void onlyNewRecommendationsWithinThePeriodStayUnwrittenAndCarryToTheNextRound() {
    ScalingPolicy stored = policy("7", 5, rec(T0, 5));
    memory.persisted(stored, T0);
    ScalingPolicy working = withRecommendation(stored, rec(T0.plusSeconds(15), 5));

    assertThat(memory.defer(stored, working, T0.plusSeconds(15))).isTrue();

    ScalingPolicy next = JSON.clone(stored);
    memory.restore(stored, next, T0.plusSeconds(30));
    assertThat(next.getStatus().getRecentRecommendations())
        .extracting(TimedReplicas::getTime)
        .containsExactly(T0.toString(), T0.plusSeconds(15).toString());
  }

  @Test
  void afterThePersistPeriodTheStatusIsWrittenAgain() {
    ScalingPolicy stored = policy("7", 5, rec(T0, 5));
    memory.persisted(stored, T0);
    ScalingPolicy working = withRecommendation(stored, rec(T0.plusSeconds(60), 5));

    assertThat(memory.defer(stored, working, T0.plusSeconds(60))).isFalse();
  }

  @Test
  void anyOtherChangeIsWrittenAtOnce() {
    ScalingPolicy stored = policy("7", 5, rec(T0, 5));
    memory.persisted(stored, T0);
    ScalingPolicy working = withRecommendation(stored, rec(T0.plusSeconds(15), 6));
    working.getStatus().setDesiredReplicas(6);

    assertThat(memory.defer(stored, working, T0.plusSeconds(15))).isFalse();
  }

  @Test
  void keptRecommendationsAreDroppedOnceTheStoredStatusChanged() {
    ScalingPolicy stored = policy("7", 5, rec(T0, 5));
    memory.persisted(stored, T0);
    memory.defer(
        stored, withRecommendation(stored, rec(T0.plusSeconds(15), 5)), T0.plusSeconds(15));

    ScalingPolicy newer = policy("8", 5, rec(T0, 5));
    ScalingPolicy next = JSON.clone(newer);
    memory.restore(newer, next, T0.plusSeconds(30));

    assertThat(next.getStatus().getRecentRecommendations()).hasSize(1);
  }

  /**
   * After a restart or a failover the stored window may lack its newest entries; the first round
   * counts the stored decision as recommended now, as the HPA seeds a workload it first meets, so
   * the last decision holds for a whole stabilization window, and that round writes nothing.
   */
  @Test
  void theFirstRoundAfterAStartHoldsTheStoredDecisionAndWritesNothing() {
    ScalingPolicy stored = policy("7", 5, rec(T0, 5));
    Instant start = T0.plus(Duration.ofMinutes(20));
    ScalingPolicy working = JSON.clone(stored);

    memory.restore(stored, working, start);

    assertThat(working.getStatus().getRecentRecommendations())
        .extracting(TimedReplicas::getTime, TimedReplicas::getReplicas)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(T0.toString(), 5),
            org.assertj.core.groups.Tuple.tuple(start.toString(), 5));
    assertThat(memory.defer(stored, working, start)).isTrue();
  }

  @Test
  void aPolicyNeverDecidedIsNotSeeded() {
    ScalingPolicy stored = policy("7", 5);
    stored.getStatus().setDesiredReplicas(null);
    ScalingPolicy working = JSON.clone(stored);

    memory.restore(stored, working, T0);

    assertThat(working.getStatus().getRecentRecommendations()).isEmpty();
  }

  @Test
  void aZeroPeriodWritesEveryRound() {
    RecommendationMemory always = new RecommendationMemory(Duration.ZERO);
    ScalingPolicy stored = policy("7", 5, rec(T0, 5));
    always.persisted(stored, T0);

    assertThat(
            always.defer(
                stored, withRecommendation(stored, rec(T0.plusSeconds(1), 5)), T0.plusSeconds(1)))
        .isFalse();
  }

  @Test
  void deletedPoliciesAreForgotten() {
    memory.persisted(policy("7", 5, rec(T0, 5)), T0);

    memory.retain(Set.of("another-uid"));

    assertThat(memory.size()).isZero();
  }

  @Test
  void aNegativePeriodIsRefusedWithTheSettingsName() {
    assertThatThrownBy(() -> new RecommendationMemory(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("headroom.recommendations-persist-period");
  }

  private static ScalingPolicy policy(String resourceVersion, int desired, TimedReplicas... recs) {
    ScalingPolicy p = new ScalingPolicy();
    p.setMetadata(
        new ObjectMetaBuilder()
            .withName("web")
            .withNamespace("shop")
            .withUid("uid-web")
            .withResourceVersion(resourceVersion)
            .build());
    ScalingPolicyStatus status = new ScalingPolicyStatus();
    status.setDesiredReplicas(desired);
    status.setRecentRecommendations(new ArrayList<>(List.of(recs)));
    p.setStatus(status);
    return p;
  }

  private static ScalingPolicy withRecommendation(ScalingPolicy stored, TimedReplicas rec) {
    ScalingPolicy working = JSON.clone(stored);
    List<TimedReplicas> recs = new ArrayList<>(working.getStatus().getRecentRecommendations());
    recs.add(rec);
    working.getStatus().setRecentRecommendations(recs);
    return working;
  }

  private static TimedReplicas rec(Instant at, int replicas) {
    TimedReplicas t = new TimedReplicas();
    t.setTime(at.toString());
    t.setReplicas(replicas);
    return t;
  }
}
