package dev.headroom.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.engine.DecisionEngine;
import dev.headroom.engine.band.ProposalBand;
import dev.headroom.engine.hpa.ReplicaCalculator;
import dev.headroom.engine.model.LoadSignal;
import dev.headroom.engine.model.Observation;
import dev.headroom.engine.model.PolicySpec;
import dev.headroom.engine.model.ScalingHistory;
import dev.headroom.engine.model.ScheduleSpec;
import dev.headroom.engine.model.SignalKind;
import dev.headroom.engine.model.SignalSample;
import dev.headroom.engine.schedule.ScheduleEvaluator;
import dev.headroom.operator.api.v1alpha1.ConcurrencySignal;
import dev.headroom.operator.api.v1alpha1.LoadSpec;
import dev.headroom.operator.policy.SignalReader;
import dev.headroom.operator.signal.SeriesSelector;
import dev.headroom.operator.signal.SignalWatch;
import dev.headroom.operator.workload.WorkloadRef;
import dev.headroom.operator.workload.WorkloadSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** When a policy's next round is due, and which values wake it before then. */
class NextRoundTest {

  static final Instant NOW = Instant.parse("2026-12-07T08:00:00Z");
  static final Duration SYNC = Duration.ofSeconds(15);
  static final Duration RESYNC = Duration.ofMinutes(5);
  static final Duration POLL = Duration.ofSeconds(2);
  static final SeriesSelector SELECTOR = new SeriesSelector("load", Map.of("policy", "web"));

  final NextRound next =
      new NextRound(SYNC, RESYNC, () -> 0.5, new ProposalBand(new ReplicaCalculator(0.1)));

  RoundFacts round(PolicySpec spec, int current, double load, boolean shared, boolean concurrency) {
    LoadSpec loadSpec = new LoadSpec();
    var signal = new dev.headroom.operator.api.v1alpha1.LoadSignal();
    signal.setName("rps");
    loadSpec.setSignals(List.of(signal));
    if (concurrency) {
      loadSpec.setConcurrency(new ConcurrencySignal());
    }
    Observation obs =
        Observation.of(NOW, current, current).withSignal("rps", SignalSample.value(NOW, load));
    RoundFacts f = new RoundFacts();
    f.loadSpec = loadSpec;
    f.spec = spec;
    f.readings =
        new SignalReader.Readings(
            obs.signals(),
            Optional.empty(),
            List.of(),
            shared ? Map.of("rps", SELECTOR) : Map.of());
    f.snapshot =
        new WorkloadSnapshot(
            new WorkloadRef("shop", "apps/v1", "Deployment", "web"),
            current,
            current,
            "app=web",
            1,
            OptionalInt.empty(),
            List.of(),
            false,
            null,
            "uid-web");
    f.decision = new DecisionEngine().decide(spec, obs, ScalingHistory.empty());
    if (!spec.schedules().isEmpty()) {
      f.schedules = new ScheduleEvaluator().evaluate(spec.schedules(), NOW);
    }
    return f;
  }

  static PolicySpec spec() {
    return PolicySpec.builder("shop/web", 1, 10)
        .load(new LoadSignal("rps", SignalKind.AVERAGE_VALUE, 10))
        .build();
  }

  @Test
  void aSteadyPolicyWokenByItsSignalsWaitsForTheJitteredResync() {
    RoundFacts f = round(spec(), 2, 20, true, false);
    assertThat(next.delay(f, SYNC, NOW)).isEqualTo(Duration.ofSeconds(270));
  }

  @Test
  void aSingleSeriesQueryKeepsTheSyncPeriod() {
    assertThat(next.delay(round(spec(), 2, 20, false, false), SYNC, NOW)).isEqualTo(SYNC);
  }

  @Test
  void aConcurrencySignalKeepsTheSyncPeriod() {
    assertThat(next.delay(round(spec(), 2, 20, true, true), SYNC, NOW)).isEqualTo(SYNC);
  }

  @Test
  void aDecisionHeldByTheScaleDownStabilizationKeepsTheSyncPeriod() {
    // Load 5 asks for 1 replica; the 5-minute window keeps 4 (the recommendation history holds 4).
    RoundFacts f = round(spec(), 4, 5, true, false);
    var history =
        ScalingHistory.empty()
            .withRecommendations(
                List.of(
                    new dev.headroom.engine.model.TimestampedRecommendation(
                        4, NOW.minusSeconds(60))));
    f.decision =
        new DecisionEngine()
            .decide(
                f.spec,
                Observation.of(NOW, 4, 4).withSignal("rps", SignalSample.value(NOW, 5)),
                history);
    assertThat(f.decision.desiredReplicas()).isEqualTo(4);
    assertThat(next.delay(f, SYNC, NOW)).isEqualTo(SYNC);
  }

  @Test
  void aChangeUnderWayKeepsItsShortPoll() {
    assertThat(next.delay(round(spec(), 2, 20, true, false), POLL, NOW)).isEqualTo(POLL);
  }

  @Test
  void aScheduleBoundaryBringsTheRoundForward() {
    // Every day at 08:30 UTC with a 10-minute lead time: pre-scaling starts at 08:20.
    PolicySpec spec =
        PolicySpec.builder("shop/web", 1, 10)
            .load(new LoadSignal("rps", SignalKind.AVERAGE_VALUE, 10))
            .schedule(
                new ScheduleSpec(
                    "morning", "30 8 * * *", "UTC", Duration.ofHours(1), Duration.ofMinutes(10), 5))
            .build();
    RoundFacts f = round(spec, 2, 20, true, false);
    assertThat(next.delay(f, SYNC, NOW)).isEqualTo(Duration.ofSeconds(270));
    RoundFacts steady = round(spec, 2, 20, true, false);
    assertThat(next.delay(steady, SYNC, NOW.plusSeconds(17 * 60 + 30)))
        .isEqualTo(Duration.ofSeconds(150).plus(NextRound.AFTER_BOUNDARY));
  }

  @Test
  void theBandOfASharedSignalIsTheToleranceBandAroundTheCurrentReplicas() {
    List<SignalWatch> watches = next.watches(round(spec(), 2, 20, true, false));
    assertThat(watches).hasSize(1);
    assertThat(watches.get(0).selector()).isEqualTo(SELECTOR);
    assertThat(watches.get(0).band())
        .get()
        .satisfies(
            b -> {
              assertThat(b.low()).isCloseTo(18, org.assertj.core.data.Offset.offset(1e-6));
              assertThat(b.high()).isCloseTo(22, org.assertj.core.data.Offset.offset(1e-6));
            });
  }

  @Test
  void aSharedSignalWithoutAValueWakesWhenItHasOne() {
    RoundFacts f = round(spec(), 2, 20, true, false);
    f.readings =
        new SignalReader.Readings(
            Map.of(), Optional.empty(), List.of("signal rps: down"), Map.of("rps", SELECTOR));
    assertThat(next.watches(f)).containsExactly(new SignalWatch(SELECTOR, Optional.empty()));
    assertThat(next.delay(f, SYNC, NOW)).isEqualTo(SYNC);
  }
}
