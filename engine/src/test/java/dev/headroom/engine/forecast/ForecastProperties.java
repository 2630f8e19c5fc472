package dev.headroom.engine.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.engine.DecisionEngine;
import dev.headroom.engine.EngineConfig;
import dev.headroom.engine.hpa.ReplicaCalculator;
import dev.headroom.engine.model.Behavior;
import dev.headroom.engine.model.Decision;
import dev.headroom.engine.model.ForecastSpec;
import dev.headroom.engine.model.LoadSignal;
import dev.headroom.engine.model.Observation;
import dev.headroom.engine.model.PolicySpec;
import dev.headroom.engine.model.ScalingHistory;
import dev.headroom.engine.model.Seasonality;
import dev.headroom.engine.model.SignalKind;
import dev.headroom.engine.model.SignalSample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The forecast path end to end over random specs, histories (seasonal, noisy, gappy, with bad
 * samples, shuffled) and observations: the forecaster never throws on data, and a forecast can only
 * raise the engine's decision, within the policy's bounds.
 */
class ForecastProperties {

  static final Instant BASE = Instant.parse("2026-03-02T00:00:00Z");

  record Case(PolicySpec spec, Observation obs, List<LoadSample> history) {}

  @Provide
  Arbitrary<Case> cases() {
    return Arbitraries.longs().map(ForecastProperties::generate);
  }

  static Case generate(long seed) {
    Random r = new Random(seed);
    Seasonality season = r.nextBoolean() ? Seasonality.DAILY : Seasonality.WEEKLY;
    Duration lookback = Duration.ofHours(6 + r.nextInt(15 * 24));
    Duration horizon = Duration.ofMinutes(5 + r.nextInt(180));
    Duration lead = Duration.ofMinutes(r.nextInt((int) horizon.toMinutes() + 1));
    ForecastSpec forecast =
        new ForecastSpec(r.nextInt(10) > 0, lookback, horizon, lead, season, null);
    int min = r.nextInt(6);
    int max = min + 1 + r.nextInt(60);
    SignalKind kind = SignalKind.values()[r.nextInt(2)];
    double target = 1 + r.nextInt(100);
    PolicySpec spec =
        PolicySpec.builder("ns/p", min, max)
            .load(new LoadSignal("rps", kind, target))
            .forecast(forecast)
            .behavior(Behavior.defaults())
            .build();
    Instant now = BASE.plusSeconds(60L * r.nextInt(30 * 24 * 60));
    int current = r.nextInt(71);
    Observation obs = Observation.of(now, current, current);
    if (r.nextInt(5) > 0) {
      obs = obs.withSignal("rps", SignalSample.value(now, r.nextInt(50000) / 10.0));
    }

    List<LoadSample> history = new ArrayList<>();
    long interval = r.nextBoolean() ? 300 : 3600;
    double base = r.nextInt(3000);
    double amplitude = r.nextDouble();
    double gapShare = r.nextDouble() * 0.5;
    Instant from = now.minus(lookback).minus(Duration.ofHours(r.nextInt(48)));
    for (Instant t = from; t.isBefore(now.plusSeconds(3600)); t = t.plusSeconds(interval)) {
      if (r.nextDouble() < gapShare) {
        continue;
      }
      double phase =
          2
              * Math.PI
              * (t.getEpochSecond() % season.period().getSeconds())
              / season.period().getSeconds();
      double v = base * (1 + amplitude * Math.sin(phase)) * (1 + 0.1 * r.nextGaussian());
      int bad = r.nextInt(100);
      history.add(new LoadSample(t, bad == 0 ? Double.NaN : bad == 1 ? -v : v));
      if (bad == 2) {
        history.add(new LoadSample(t, v * 2));
      }
    }
    if (r.nextBoolean()) {
      Collections.shuffle(history, r);
    }
    return new Case(spec, obs, history);
  }

  @Property(tries = 300, seed = "20261123")
  void aForecastOnlyRaisesTheDecisionAndStaysWithinTheBounds(@ForAll("cases") Case c) {
    Forecast forecast =
        new SeasonalForecaster()
            .forecast(c.spec().forecast().orElseThrow(), c.history(), c.obs().now());
    OptionalInt replicas =
        new ForecastRecommender().replicas(c.spec(), forecast, c.obs().currentReplicas());
    DecisionEngine engine = new DecisionEngine();

    Decision without = engine.decide(c.spec(), c.obs(), ScalingHistory.empty());
    Observation withForecast =
        replicas.isPresent() ? c.obs().withForecast(replicas.getAsInt()) : c.obs();
    Decision with = engine.decide(c.spec(), withForecast, ScalingHistory.empty());

    assertThat(with.desiredReplicas()).isGreaterThanOrEqualTo(without.desiredReplicas());
    assertThat(with.desiredReplicas())
        .isBetween(c.spec().replicas().min(), c.spec().replicas().max());
    if (replicas.isPresent()) {
      int clamped = c.spec().replicas().clamp(replicas.getAsInt());
      assertThat(clamped).isBetween(c.spec().replicas().min(), c.spec().replicas().max());
      assertThat(forecast.ready()).isTrue();
    }
  }

  @Property(tries = 300, seed = "20261124")
  void aReadyForecastIsFiniteAndNonNegative(@ForAll("cases") Case c) {
    Forecast f =
        new SeasonalForecaster()
            .forecast(c.spec().forecast().orElseThrow(), c.history(), c.obs().now());

    assertThat(f.coverage()).isBetween(0.0, 1.0);
    if (f.ready()) {
      assertThat(f.predictedLoad().getAsDouble()).isFinite().isNotNegative();
      assertThat(f.peakLoad().getAsDouble()).isFinite().isNotNegative();
      assertThat(f.path())
          .isNotEmpty()
          .allSatisfy(p -> assertThat(p.value()).isFinite().isNotNegative());
      assertThat(f.coveredUntil())
          .isAfter(c.obs().now().plus(c.spec().forecast().orElseThrow().leadTime()));
    } else {
      assertThat(f.predictedLoad()).isEmpty();
      assertThat(f.message()).isNotBlank();
    }
  }

  @Property(tries = 2000, seed = "20261125")
  void aPredictionEqualToTheObservedValueGivesTheReactiveReplicas(@ForAll("cases") Case c) {
    Random r = new Random(c.obs().now().getEpochSecond());
    LoadSignal signal = c.spec().load().get(0);
    double value = r.nextInt(100000) / 10.0;
    int current = c.obs().currentReplicas();
    ReplicaCalculator calculator = new ReplicaCalculator(EngineConfig.defaults().tolerance());

    int reactive =
        calculator
            .propose(signal, SignalSample.value(c.obs().now(), value), current, current)
            .replicas();

    assertThat(new ForecastRecommender().replicasFor(signal, value, current)).isEqualTo(reactive);
  }
}
