package dev.headroom.simulator.forecast;

import dev.headroom.engine.forecast.ForecastMethod;
import dev.headroom.engine.forecast.ForecastSettings;
import dev.headroom.engine.model.ForecastSpec;
import dev.headroom.engine.model.PolicySpec;
import dev.headroom.engine.model.Seasonality;
import dev.headroom.simulator.input.PolicyManifest;
import dev.headroom.simulator.sim.LoadModel;
import dev.headroom.simulator.sim.ProgressListener;
import dev.headroom.simulator.sim.Scenario;
import dev.headroom.simulator.sim.ScenarioPolicy;
import dev.headroom.simulator.sim.SimulationResult;
import dev.headroom.simulator.sim.SimulationSettings;
import dev.headroom.simulator.sim.Simulator;
import dev.headroom.simulator.sim.StrategyKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The forecast benchmark of one trace: train on the first part (four weeks, or 60% of a shorter
 * trace), then
 *
 * <ol>
 *   <li>walk forward over the rest with every {@link ForecastMethod} and season, refitting from the
 *       last {@code lookback} at every forecast step, and measure the error at the lead time and at
 *       the horizon ({@link WalkForward});
 *   <li>replay the trace through the simulator twice, with the policy's forecast on (default
 *       method, the season with the lower error) and off, and measure the daily peaks met before
 *       they arrived and the replica-hours for Headroom with the forecast, Headroom reactive-only
 *       and the HPA-faithful baseline ({@link PeakMeter}).
 * </ol>
 */
public final class ForecastBenchmark {

  /** Training part: this much of the trace, or {@link #TRAIN_SHARE} of a shorter one. */
  public static final Duration TRAIN = Duration.ofDays(28);

  public static final double TRAIN_SHARE = 0.6;

  private final ForecastSettings settings;
  private final Duration lookback;
  private final Duration horizon;
  private final Duration leadTime;

  public ForecastBenchmark(
      ForecastSettings settings, Duration lookback, Duration horizon, Duration leadTime) {
    this.settings = settings;
    this.lookback = lookback;
    this.horizon = horizon;
    this.leadTime = leadTime;
  }

  public TraceForecast run(
      String name,
      String scenarioResource,
      Scenario scenario,
      SimulationSettings simulation,
      ProgressListener progress) {
    long started = System.nanoTime();
    ScenarioPolicy policy = scenario.policies().get(0);
    long start = policy.trace().startSecond();
    long end = policy.trace().endSecond();
    long train = Math.min(TRAIN.getSeconds(), (long) ((end - start) * TRAIN_SHARE));
    Instant evalStart = Instant.ofEpochSecond(start + train);

    List<Accuracy> methods = new ArrayList<>();
    for (Seasonality season : Seasonality.values()) {
      for (ForecastMethod method : ForecastMethod.values()) {
        methods.add(
            new WalkForward(settings.withMethod(method))
                .measure(policy.trace(), spec(season), evalStart));
      }
    }
    Accuracy chosen =
        methods.stream()
            .filter(a -> a.method() == settings.method())
            .min(
                Comparator.comparingDouble(
                    a -> Double.isNaN(a.leadSmape()) ? Double.MAX_VALUE : a.leadSmape()))
            .orElseThrow();
    ForecastSpec spec = spec(chosen.seasonality());

    double perReplica =
        LoadModel.plannedPerReplica(policy.manifest(), simulation.latency())
            * simulation.capacityFactor();
    PeakMeter reactive =
        new PeakMeter(StrategyKind.HEADROOM, evalStart.getEpochSecond(), end, leadTime, perReplica);
    PeakMeter hpa =
        new PeakMeter(StrategyKind.HPA, evalStart.getEpochSecond(), end, leadTime, perReplica);
    new Simulator(settings)
        .run(
            withForecast(scenario, null),
            simulation,
            progress,
            (now, dt, i, kind, rate, demand, ready, pods) -> {
              reactive.step(now, dt, i, kind, rate, demand, ready, pods);
              hpa.step(now, dt, i, kind, rate, demand, ready, pods);
            });
    PeakMeter forecast =
        new PeakMeter(StrategyKind.HEADROOM, evalStart.getEpochSecond(), end, leadTime, perReplica);
    SimulationResult replay =
        new Simulator(settings).run(withForecast(scenario, spec), simulation, progress, forecast);
    List<String> notes = new ArrayList<>(replay.notes());
    notes.removeAll(scenario.notes());

    return new TraceForecast(
        name,
        policy.trace().source(),
        scenarioResource,
        evalStart,
        Instant.ofEpochSecond(end),
        spec,
        methods,
        chosen,
        forecast.result(),
        reactive.result(),
        hpa.result(),
        (System.nanoTime() - started) / 1e9,
        notes);
  }

  public ForecastSpec spec(Seasonality season) {
    return new ForecastSpec(true, lookback, horizon, leadTime, season, null);
  }

  /** The scenario with every policy's forecast set to {@code spec} (null: no forecast). */
  static Scenario withForecast(Scenario scenario, ForecastSpec spec) {
    List<ScenarioPolicy> policies = new ArrayList<>();
    for (ScenarioPolicy p : scenario.policies()) {
      PolicyManifest m = p.manifest();
      PolicySpec s = m.spec();
      PolicySpec changed =
          new PolicySpec(
              s.id(),
              s.replicas(),
              s.load(),
              s.concurrency(),
              s.capacities(),
              s.connections(),
              s.schedules(),
              java.util.Optional.ofNullable(spec),
              s.behavior(),
              s.mode());
      policies.add(
          new ScenarioPolicy(
              new PolicyManifest(
                  m.id(),
                  m.name(),
                  m.source(),
                  changed,
                  m.fedSignal(),
                  m.maxSurge(),
                  m.priority(),
                  m.notes()),
              p.trace()));
    }
    return new Scenario(scenario.title(), policies, scenario.budgets(), scenario.notes());
  }
}
