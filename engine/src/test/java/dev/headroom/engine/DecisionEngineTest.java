package dev.headroom.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.engine.model.Capacity;
import dev.headroom.engine.model.ConcurrencySample;
import dev.headroom.engine.model.ConcurrencySignal;
import dev.headroom.engine.model.Connections;
import dev.headroom.engine.model.Decision;
import dev.headroom.engine.model.ForecastSpec;
import dev.headroom.engine.model.Limit;
import dev.headroom.engine.model.LoadSignal;
import dev.headroom.engine.model.Mode;
import dev.headroom.engine.model.Observation;
import dev.headroom.engine.model.PodSample;
import dev.headroom.engine.model.PolicySpec;
import dev.headroom.engine.model.ResourceKind;
import dev.headroom.engine.model.ScalingHistory;
import dev.headroom.engine.model.ScheduleSpec;
import dev.headroom.engine.model.SignalSample;
import dev.headroom.engine.model.Source;
import dev.headroom.engine.model.TimestampedRecommendation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DecisionEngineTest {

  // Monday 2026-03-02 10:00 UTC
  static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

  private final DecisionEngine engine = new DecisionEngine();

  static PolicySpec.Builder rpsPolicy(int min, int max) {
    return PolicySpec.builder("shop/api", min, max).load(LoadSignal.averageValue("rps", 40));
  }

  static Observation rps(int current, double total) {
    return Observation.of(NOW, current, current).withSignal("rps", SignalSample.value(NOW, total));
  }

  @Nested
  class Reactive {

    @Test
    void followsTheHpaAlgorithmAndExplainsIt() {
      Decision d = engine.decide(rpsPolicy(2, 30).build(), rps(12, 930), ScalingHistory.empty());

      assertThat(d.desiredReplicas()).isEqualTo(24);
      assertThat(d.winner()).isEqualTo(Source.REACTIVE);
      assertThat(d.limitedBy()).isEqualTo(Limit.NONE);
      assertThat(d.reasons()).first().isEqualTo("reactive: rps 930 / 40 per replica -> 24");
      assertThat(d.reasons()).last().isEqualTo("scale 12 -> 24 replicas (reactive won)");
      assertThat(d.metricsAvailable()).isTrue();
      assertThat(d.history().recommendations())
          .containsExactly(new TimestampedRecommendation(24, NOW));
      assertThat(d.history().scaleUpEvents()).hasSize(1);
    }

    @Test
    void scaleUpRateIsLimitedByDefaultBehavior() {
      // 10 -> 24 wanted, default scale-up allows max(10 + 4, 10 x 2) = 20 per 15 s.
      Decision d = engine.decide(rpsPolicy(2, 30).build(), rps(10, 930), ScalingHistory.empty());

      assertThat(d.desiredReplicas()).isEqualTo(20);
      assertThat(d.limitedBy()).isEqualTo(Limit.RATE_POLICY);
    }

    @Test
    void smallChangesStayWithinTolerance() {
      Decision d = engine.decide(rpsPolicy(2, 30).build(), rps(10, 420), ScalingHistory.empty());

      assertThat(d.desiredReplicas()).isEqualTo(10);
      assertThat(d.limitedBy()).isEqualTo(Limit.TOLERANCE);
    }

    @Test
    void scaleDownIsStabilizedByRecentHigherRecommendations() {
      ScalingHistory history =
          new ScalingHistory(
              List.of(new TimestampedRecommendation(10, NOW.minusSeconds(120))),
              List.of(),
              List.of());

      Decision d = engine.decide(rpsPolicy(2, 30).build(), rps(10, 200), history);

      assertThat(d.desiredReplicas()).isEqualTo(10);
      assertThat(d.limitedBy()).isEqualTo(Limit.STABILIZATION);
    }

    @Test
    void theLargestSignalWins() {
      PolicySpec spec = rpsPolicy(1, 50).load(LoadSignal.pods("queue", 10)).build();
      Observation obs =
          rps(4, 160)
              .withSignal(
                  "queue",
                  SignalSample.pods(
                      NOW,
                      List.of(
                          PodSample.ready("a", 20),
                          PodSample.ready("b", 20),
                          PodSample.ready("c", 20),
                          PodSample.ready("d", 20))));

      Decision d = engine.decide(spec, obs, ScalingHistory.empty());

      assertThat(d.desiredReplicas()).isEqualTo(8); // queue: 20/10 x 4 = 8; rps: 160/40 = 4
    }

    @Test
    void TestScaleUpRCImmediately() {
      // upstream horizontal_test.go: current 1 below min 2 -> 2 whatever the metrics say.
      Decision d = engine.decide(rpsPolicy(2, 6).build(), rps(1, 0), ScalingHistory.empty());

      assertThat(d.desiredReplicas()).isEqualTo(2);
      assertThat(d.limitedBy()).isEqualTo(Limit.MIN);
    }

    @Test
    void TestScaleDownRCImmediately() {
      // upstream horizontal_test.go: current 6 above max 5 -> 5.
      Decision d = engine.decide(rpsPolicy(2, 5).build(), rps(6, 1000), ScalingHistory.empty());

      assertThat(d.desiredReplicas()).isEqualTo(5);
      assertThat(d.limitedBy()).isEqualTo(Limit.MAX);
    }
  }

  @Nested
  class FailStatic {

    /** Upstream's CPU utilization target over 1-core requests, as a per-pod millicore target. */
    PolicySpec twoSignals(double cpuTargetPerPod) {
      return PolicySpec.builder("shop/api", 2, 6)
          .load(LoadSignal.pods("cpu", cpuTargetPerPod))
          .load(LoadSignal.value("qps", 0.1))
          .build();
    }

    Observation podsAt(int current, double... values) {
      List<PodSample> pods = new java.util.ArrayList<>();
      for (int i = 0; i < values.length; i++) {
        pods.add(PodSample.ready("p" + i, values[i]));
      }
      return Observation.of(NOW, current, current).withSignal("cpu", SignalSample.pods(NOW, pods));
    }

    @Test
    void TestScaleUpOneMetricEmpty() {
      // upstream: one metric fails, the other asks 3 -> 4: the scale-up goes ahead.
      Decision d = engine.decide(twoSignals(300), podsAt(3, 300, 400, 500), ScalingHistory.empty());

      assertThat(d.desiredReplicas()).isEqualTo(4);
      assertThat(d.metricsAvailable()).isFalse();
    }

    @Test
    void TestNoScaleDownOneMetricEmpty() {
      // upstream: one metric fails, the other would scale 5 -> 3: no scale-down on partial data.
      Decision d =
          engine.decide(
              twoSignals(500), podsAt(5, 100, 300, 500, 250, 250), ScalingHistory.empty());

      assertThat(d.desiredReplicas()).isEqualTo(5);
      assertThat(d.winner()).isEqualTo(Source.FAIL_STATIC);
      assertThat(d.reasons())
          .contains(
              "fail static: no fresh data for qps and the rest would scale in to 3; keeping 5"
                  + " replicas");
    }

    @Test
    void noDataAtAllKeepsTheCurrentReplicas() {
      Decision d =
          engine.decide(
              rpsPolicy(1, 30).build(), Observation.of(NOW, 9, 9), ScalingHistory.empty());

      assertThat(d.desiredReplicas()).isEqualTo(9);
      assertThat(d.metricsAvailable()).isFalse();
      assertThat(d.reasons()).contains("reactive: 'rps' has no data");
    }

    @Test
    void staleOrNonFiniteDataCountsAsMissing() {
      Observation stale =
          Observation.of(NOW, 9, 9)
              .withSignal("rps", SignalSample.value(NOW.minus(Duration.ofMinutes(10)), 10));
      Observation nan =
          Observation.of(NOW, 9, 9).withSignal("rps", SignalSample.value(NOW, Double.NaN));

      assertThat(
              engine
                  .decide(rpsPolicy(1, 30).build(), stale, ScalingHistory.empty())
                  .desiredReplicas())
          .isEqualTo(9);
      assertThat(
              engine
                  .decide(rpsPolicy(1, 30).build(), nan, ScalingHistory.empty())
                  .desiredReplicas())
          .isEqualTo(9);
    }

    @Test
    void missingMetricsStillLetASchedulePreScale() {
      PolicySpec spec =
          rpsPolicy(1, 30)
              .schedule(
                  new ScheduleSpec(
                      "morning", "0 10 * * *", "UTC", Duration.ofHours(1), Duration.ZERO, 15))
              .build();

      Decision d = engine.decide(spec, Observation.of(NOW, 9, 9), ScalingHistory.empty());

      assertThat(d.desiredReplicas()).isEqualTo(15);
      assertThat(d.winner()).isEqualTo(Source.SCHEDULE);
      assertThat(d.scheduleActive()).isTrue();
    }
  }

  @Nested
  class SchedulesAndForecast {

    @Test
    void anActiveWindowRaisesTheFloor() {
      PolicySpec spec =
          rpsPolicy(2, 30)
              .schedule(
                  new ScheduleSpec(
                      "weekday-morning",
                      "0 9 * * 1-5",
                      "Europe/Berlin",
                      Duration.ofHours(3),
                      Duration.ofMinutes(15),
                      10))
              .build();

      Decision d = engine.decide(spec, rps(10, 80), ScalingHistory.empty());

      assertThat(d.desiredReplicas()).isEqualTo(10);
      assertThat(d.winner()).isEqualTo(Source.SCHEDULE);
      assertThat(d.activeSchedule()).contains("weekday-morning");
      assertThat(d.recommendation(Source.REACTIVE).orElseThrow().replicas()).isEqualTo(2);
    }

    @Test
    void aForecastRaisesButNeverLowers() {
      PolicySpec spec =
          rpsPolicy(2, 30)
              .forecast(
                  new ForecastSpec(
                      true, Duration.ofDays(14), Duration.ofHours(1), Duration.ofMinutes(10)))
              .build();

      Decision up = engine.decide(spec, rps(10, 400).withForecast(16), ScalingHistory.empty());
      Decision down = engine.decide(spec, rps(10, 600).withForecast(3), ScalingHistory.empty());

      assertThat(up.desiredReplicas()).isEqualTo(16);
      assertThat(up.winner()).isEqualTo(Source.FORECAST);
      assertThat(down.desiredReplicas()).isEqualTo(15);
      assertThat(down.winner()).isEqualTo(Source.REACTIVE);
    }

    @Test
    void aDisabledForecastIsIgnored() {
      PolicySpec spec =
          rpsPolicy(2, 30)
              .forecast(
                  new ForecastSpec(
                      false, Duration.ofDays(14), Duration.ofHours(1), Duration.ofMinutes(10)))
              .build();

      Decision d = engine.decide(spec, rps(10, 400).withForecast(16), ScalingHistory.empty());

      assertThat(d.desiredReplicas()).isEqualTo(10);
      assertThat(d.recommendation(Source.FORECAST)).isEmpty();
    }
  }

  @Nested
  class Budget {

    PolicySpec withPool() {
      return rpsPolicy(2, 30).connections(new Connections("db/pg-main", 5, 20, 1)).build();
    }

    @Test
    void theGrantSizesThePool() {
      Decision d = engine.decide(withPool(), rps(9, 360).withGrant(200), ScalingHistory.empty());

      assertThat(d.desiredReplicas()).isEqualTo(9);
      assertThat(d.poolSize()).hasValue(20);
      assertThat(d.budgetLimited()).isFalse();
      assertThat(d.reasons())
          .contains(
              "budget 'db/pg-main' grants 200 connections -> 9 replicas x pool 20 (+1 surge)");
    }

    @Test
    void aSmallGrantCapsReplicas() {
      Decision d = engine.decide(withPool(), rps(12, 930).withGrant(40), ScalingHistory.empty());

      assertThat(d.desiredReplicas()).isEqualTo(7);
      assertThat(d.poolSize()).hasValue(5);
      assertThat(d.limitedBy()).isEqualTo(Limit.BUDGET);
      assertThat(d.budgetLimited()).isTrue();
      assertThat(d.recommendation(Source.REACTIVE).orElseThrow().replicas()).isEqualTo(24);
    }

    @Test
    void thePoolIsSizedForWhatTheLoadAsksNotForTheRateLimitedStep() {
      // 930 / 40 -> 24 replicas wanted; the default scale-up policies allow 2 -> 6 this round.
      Decision d = engine.decide(withPool(), rps(2, 930).withGrant(150), ScalingHistory.empty());

      assertThat(d.desiredReplicas()).isEqualTo(6);
      assertThat(d.limitedBy()).isEqualTo(Limit.RATE_POLICY);
      // (24 + 1) x 6 = 150: the pool that lets all 24 run, not 150 / (6 + 1) = 21 -> 20.
      assertThat(d.poolSize()).hasValue(6);
      assertThat(d.budgetLimited()).isFalse();
    }

    @Test
    void budgetLimitedMeansTheGrantCannotServeWhatTheLoadAsks() {
      Decision d = engine.decide(withPool(), rps(2, 930).withGrant(60), ScalingHistory.empty());

      // 60 / 5 - 1 = 11 replicas at most, below the 24 asked; this round's step (6) still fits.
      assertThat(d.desiredReplicas()).isEqualTo(6);
      assertThat(d.poolSize()).hasValue(5);
      assertThat(d.budgetLimited()).isTrue();
    }

    @Test
    void withoutAGrantItNeverGrows() {
      Decision d = engine.decide(withPool(), rps(12, 930), ScalingHistory.empty());

      assertThat(d.desiredReplicas()).isEqualTo(12);
      assertThat(d.limitedBy()).isEqualTo(Limit.BUDGET);
      assertThat(d.poolSize()).isEmpty();
    }
  }

  @Nested
  class Capacity_ {

    @Test
    void theCapacityModelCanWin() {
      PolicySpec spec =
          rpsPolicy(1, 40)
              .concurrency(ConcurrencySignal.of("inflight"))
              .capacity(Capacity.of(ResourceKind.THREADS, 50, 0.8))
              .build();
      Observation obs = rps(4, 160).withConcurrency(new ConcurrencySample(NOW, 400, 0.5));

      Decision d = engine.decide(spec, obs, ScalingHistory.empty());

      assertThat(d.winner()).isEqualTo(Source.CAPACITY);
      assertThat(d.desiredReplicas()).isEqualTo(5);
    }
  }

  @Nested
  class Safety {

    @Test
    void anInvalidPolicyChangesNothing() {
      PolicySpec spec =
          PolicySpec.builder("shop/api", 5, 3).load(LoadSignal.averageValue("rps", 40)).build();

      Decision d = engine.decide(spec, rps(4, 1000), ScalingHistory.empty());

      assertThat(d.valid()).isFalse();
      assertThat(d.desiredReplicas()).isEqualTo(4);
      assertThat(d.reasons()).contains("spec.replicas.min: must be <= spec.replicas.max (5 > 3)");
    }

    @Test
    void dryRunComputesButRecordsNoScaleEvent() {
      Decision d =
          engine.decide(
              rpsPolicy(2, 30).mode(Mode.DRY_RUN).build(), rps(12, 930), ScalingHistory.empty());

      assertThat(d.desiredReplicas()).isEqualTo(24);
      assertThat(d.mode()).isEqualTo(Mode.DRY_RUN);
      assertThat(d.history().scaleUpEvents()).isEmpty();
      assertThat(d.reasons()).last().asString().endsWith("[dry run]");
    }

    @Test
    void sameInputsSameDecision() {
      PolicySpec spec = rpsPolicy(2, 30).connections(new Connections("db/pg", 5, 20, 1)).build();
      Observation obs = rps(12, 930).withGrant(300);

      assertThat(engine.decide(spec, obs, ScalingHistory.empty()))
          .isEqualTo(new DecisionEngine().decide(spec, obs, ScalingHistory.empty()));
    }
  }
}
