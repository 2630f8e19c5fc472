package dev.headroom.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.engine.model.Connections;
import dev.headroom.engine.model.Decision;
import dev.headroom.engine.model.ForecastSpec;
import dev.headroom.engine.model.LoadSignal;
import dev.headroom.engine.model.Mode;
import dev.headroom.engine.model.Observation;
import dev.headroom.engine.model.PodSample;
import dev.headroom.engine.model.PolicySpec;
import dev.headroom.engine.model.ScaleEvent;
import dev.headroom.engine.model.ScalingHistory;
import dev.headroom.engine.model.ScheduleSpec;
import dev.headroom.engine.model.SignalSample;
import dev.headroom.engine.model.Source;
import dev.headroom.engine.model.TimestampedRecommendation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of whole decisions over random policies, observations and histories. */
class EngineProperties {

  static final Instant BASE = Instant.parse("2026-03-02T00:00:00Z");
  static final ForecastSpec FORECAST =
      new ForecastSpec(true, Duration.ofDays(14), Duration.ofHours(1), Duration.ofMinutes(10));

  record Case(PolicySpec spec, Observation obs, ScalingHistory history, int forecast) {}

  /**
   * Cases are built from one random seed: jqwik's combinators over a dozen nested parameters cost
   * milliseconds per try, a plain {@link Random} microseconds. A failing case is reported in full
   * by its record's {@code toString}.
   */
  @Provide
  Arbitrary<Case> cases() {
    return Arbitraries.longs().map(EngineProperties::generate);
  }

  static Case generate(long seed) {
    Random r = new Random(seed);
    int min = r.nextInt(6);
    int max = min + 1 + r.nextInt(60);
    int target = 1 + r.nextInt(100);
    PolicySpec.Builder b =
        PolicySpec.builder("ns/p", min, max)
            .load(LoadSignal.averageValue("rps", target))
            .load(LoadSignal.pods("queue", target / 2.0 + 1))
            .forecast(FORECAST)
            .mode(r.nextBoolean() ? Mode.ENFORCE : Mode.DRY_RUN);
    if (r.nextBoolean()) {
      b.schedule(
          new ScheduleSpec(
              "peak",
              "0 9 * * 1-5",
              "Europe/Berlin",
              Duration.ofHours(8),
              Duration.ofMinutes(30),
              Math.min(max, min + 3)));
    }
    if (r.nextBoolean()) {
      b.connections(new Connections("db/pg", 2, 20, 1));
    }
    Instant now = BASE.plusSeconds(60L * r.nextInt(7 * 24 * 60));
    int current = r.nextInt(71);
    int missing = r.nextInt(4);
    Observation o = Observation.of(now, current, Math.max(0, current - missing));
    if (missing != 1) {
      o = o.withSignal("rps", SignalSample.value(now, r.nextInt(50000) / 10.0));
    }
    if (missing != 2) {
      List<PodSample> samples = new ArrayList<>();
      int pods = r.nextInt(9);
      for (int i = 0; i < pods; i++) {
        samples.add(
            i == 0 && missing == 3
                ? PodSample.missing("p0")
                : PodSample.ready("p" + i, r.nextInt(2000) / 10.0));
      }
      o = o.withSignal("queue", SignalSample.pods(now, samples));
    }
    int grant = r.nextInt(502) - 1;
    if (grant >= 0) {
      o = o.withGrant(grant);
    }
    List<TimestampedRecommendation> recs = new ArrayList<>();
    List<ScaleEvent> events = new ArrayList<>();
    for (int i = r.nextInt(6); i > 0; i--) {
      recs.add(new TimestampedRecommendation(r.nextInt(81), now.minusSeconds(45L * i)));
    }
    for (int i = r.nextInt(6); i > 0; i--) {
      events.add(new ScaleEvent(1 + r.nextInt(5), now.minusSeconds(7L * i)));
    }
    return new Case(b.build(), o, new ScalingHistory(recs, events, events), r.nextInt(81));
  }

  @Property(tries = 10000, seed = "20260306")
  void theEngineIsDeterministic(@ForAll("cases") Case c) {
    Observation obs = c.obs().withForecast(c.forecast());

    Decision first = new DecisionEngine().decide(c.spec(), obs, c.history());
    Decision second = new DecisionEngine().decide(c.spec(), obs, c.history());

    assertThat(second).isEqualTo(first);
  }

  @Property(tries = 10000, seed = "20260307")
  void aForecastNeverLowersReplicas(@ForAll("cases") Case c) {
    DecisionEngine engine = new DecisionEngine();

    Decision without = engine.decide(c.spec(), c.obs(), c.history());
    Decision with = engine.decide(c.spec(), c.obs().withForecast(c.forecast()), c.history());

    assertThat(with.desiredReplicas()).isGreaterThanOrEqualTo(without.desiredReplicas());
    // Unless a limit applies, the result is at least the reactive recommendation.
    if (with.limitedBy() == dev.headroom.engine.model.Limit.NONE) {
      with.recommendation(Source.REACTIVE)
          .ifPresent(
              reactive ->
                  assertThat(with.desiredReplicas()).isGreaterThanOrEqualTo(reactive.replicas()));
    }
  }

  @Property(tries = 10000, seed = "20260308")
  void missingDataNeverScalesIn(@ForAll("cases") Case c) {
    Decision d = new DecisionEngine().decide(c.spec(), c.obs(), c.history());

    boolean withinBounds =
        c.obs().currentReplicas() >= c.spec().replicas().min()
            && c.obs().currentReplicas() <= c.spec().replicas().max();
    if (!d.metricsAvailable() && withinBounds && !d.budgetLimited()) {
      assertThat(d.desiredReplicas()).isGreaterThanOrEqualTo(c.obs().currentReplicas());
    }
    assertThat(d.desiredReplicas())
        .isBetween(0, Math.max(c.spec().replicas().max(), c.obs().currentReplicas()));
  }
}
