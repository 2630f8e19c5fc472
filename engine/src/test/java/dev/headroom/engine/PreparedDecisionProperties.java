package dev.headroom.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.engine.model.Decision;
import dev.headroom.engine.model.Observation;
import dev.headroom.engine.model.PolicySpec;
import dev.headroom.engine.model.Recommendation;
import dev.headroom.engine.model.ScheduleSpec;
import dev.headroom.engine.model.Source;
import dev.headroom.engine.schedule.ScheduleEvaluator;
import dev.headroom.engine.schedule.ScheduleStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * What is cached between decisions (the prepared policy, schedule states) and what is rendered
 * later (reasons) never changes a decision: an engine that has decided many times for a policy
 * answers exactly as a new one, and the schedule states it reports are a fresh evaluation.
 */
class PreparedDecisionProperties {

  static final String[][] SCHEDULES = {
    {"0 9 * * 1-5", "Europe/Berlin"},
    {"30 2 * * *", "Europe/Berlin"},
    {"30 1 * * *", "America/New_York"},
    {"*/15 * * * *", "America/New_York"},
    {"0 */3 * * *", "Australia/Lord_Howe"}
  };
  static final Instant[] DST_WEEKS = {
    Instant.parse("2026-03-27T00:00:00Z"),
    Instant.parse("2026-03-07T00:00:00Z"),
    Instant.parse("2026-10-24T00:00:00Z"),
    Instant.parse("2026-10-31T00:00:00Z"),
    Instant.parse("2026-04-04T00:00:00Z")
  };

  /** An {@link EngineProperties} case with one more schedule, at an instant of a DST week. */
  static EngineProperties.Case generate(long seed) {
    EngineProperties.Case c = EngineProperties.generate(seed);
    Random r = new Random(seed);
    PolicySpec spec = c.spec();
    String[] s = SCHEDULES[r.nextInt(SCHEDULES.length)];
    List<ScheduleSpec> schedules = new ArrayList<>(spec.schedules());
    schedules.add(
        new ScheduleSpec(
            "extra",
            s[0],
            s[1],
            Duration.ofMinutes(10 + r.nextInt(600)),
            Duration.ofMinutes(r.nextInt(40)),
            Math.min(spec.replicas().max(), spec.replicas().min() + 2)));
    spec =
        new PolicySpec(
            spec.id(),
            spec.replicas(),
            spec.load(),
            spec.concurrency(),
            spec.capacities(),
            spec.connections(),
            schedules,
            spec.forecast(),
            spec.behavior(),
            spec.mode());
    Instant now = DST_WEEKS[r.nextInt(DST_WEEKS.length)].plusSeconds(60L * r.nextInt(4 * 1440));
    return new EngineProperties.Case(spec, at(c.obs(), now), c.history(), c.forecast());
  }

  static Observation at(Observation o, Instant now) {
    return new Observation(
        now,
        o.currentReplicas(),
        o.readyReplicas(),
        o.signals(),
        o.concurrency(),
        o.forecastReplicas(),
        o.grantedConnections());
  }

  @Property(tries = 1000, seed = "20261205")
  void aWarmEngineDecidesAsANewOne(@ForAll long seed) {
    EngineProperties.Case c = generate(seed);
    DecisionEngine warm = new DecisionEngine();
    PreparedPolicy prepared = warm.prepare(c.spec());
    Random r = new Random(seed ^ 0x5DEECE66DL);
    Observation obs = c.obs().withForecast(c.forecast());

    for (int i = 0; i < 12; i++) {
      // Back and forth over a day, so cached intervals are both reused and left.
      Observation o = at(obs, obs.now().plusSeconds(60L * (r.nextInt(2880) - 1440)));
      Decision cold = new DecisionEngine().decide(c.spec(), o, c.history());

      assertThat(warm.decide(c.spec(), o, c.history())).isEqualTo(cold);
      assertThat(warm.decide(prepared, o, c.history())).isEqualTo(cold);
      assertThat(cold.schedules())
          .isEqualTo(
              cold.valid()
                  ? new ScheduleEvaluator().evaluate(c.spec().schedules(), o.now())
                  : ScheduleStatus.NONE);
    }
  }

  /** The winner is the largest candidate, ties to the earlier source (the former stream max). */
  @Property(tries = 2000, seed = "20261206")
  void theWinnerIsTheLargestCandidateTiesToTheEarlierSource(@ForAll long seed) {
    EngineProperties.Case c = generate(seed);
    Decision d =
        new DecisionEngine().decide(c.spec(), c.obs().withForecast(c.forecast()), c.history());
    Set<Source> candidates =
        Set.of(
            Source.REACTIVE, Source.CAPACITY, Source.FAIL_STATIC, Source.SCHEDULE, Source.FORECAST);

    Source expected =
        d.recommendations().stream()
            .filter(rec -> candidates.contains(rec.source()))
            .max(
                Comparator.comparingInt(Recommendation::replicas)
                    .thenComparing(rec -> -rec.source().ordinal()))
            .map(Recommendation::source)
            .orElse(Source.BOUNDS);

    if (d.valid()) {
      assertThat(d.winner()).isEqualTo(expected);
    }
  }
}
