package dev.headroom.simulator.sim;

import dev.headroom.engine.EngineConfig;
import dev.headroom.engine.budget.BudgetInvariant;
import dev.headroom.engine.budget.BudgetSpec;
import dev.headroom.engine.forecast.ForecastSettings;
import dev.headroom.simulator.input.BudgetManifest;
import dev.headroom.simulator.metrics.BudgetMeter;
import dev.headroom.simulator.metrics.BudgetMetrics;
import dev.headroom.simulator.metrics.ElasticityMeter;
import dev.headroom.simulator.metrics.ElasticityMetrics;
import dev.headroom.simulator.metrics.SeriesRecorder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Replays a scenario through Headroom and the two baselines on one simulated clock.
 *
 * <p>The clock moves in steps of {@code dt}, the greatest common divisor of the reconcile interval,
 * the delays, the metric window, the trace intervals and the trace start offsets, so every event
 * falls on a step and demand is constant within one. Each step: if it is a reconcile time, every
 * strategy decides (in {@link StrategyKind} order, each on its own state); then pods whose start-up
 * is over become ready; then the step is measured: demand against the ready replicas of every
 * strategy, pods, and the connections each budget's consumers may hold.
 */
public final class Simulator {

  private static final int CHUNK = 4096;

  private final ForecastSettings forecastSettings;
  private final EngineConfig engineConfig;

  /** A simulator whose Headroom forecasts with the forecaster's defaults. */
  public Simulator() {
    this(ForecastSettings.defaults());
  }

  /** A simulator whose Headroom forecasts with {@code forecastSettings}. */
  public Simulator(ForecastSettings forecastSettings) {
    this(forecastSettings, EngineConfig.defaults());
  }

  /** A simulator whose Headroom decides with {@code engineConfig} (e.g. a scale-up tolerance). */
  public Simulator(ForecastSettings forecastSettings, EngineConfig engineConfig) {
    this.forecastSettings = forecastSettings;
    this.engineConfig = engineConfig;
  }

  public SimulationResult run(
      Scenario scenario, SimulationSettings settings, ProgressListener progress) {
    return run(scenario, settings, progress, StepListener.NONE);
  }

  /** A run that also shows every measured step to {@code listener}. */
  public SimulationResult run(
      Scenario scenario,
      SimulationSettings settings,
      ProgressListener progress,
      StepListener listener) {
    long start = Long.MAX_VALUE;
    long end = Long.MIN_VALUE;
    for (ScenarioPolicy p : scenario.policies()) {
      start = Math.min(start, p.trace().startSecond());
      end = Math.max(end, p.trace().endSecond());
    }
    long dt = step(scenario, settings, start);
    long steps = (end - start) / dt;
    SimClock clock = new SimClock(start);
    SimContext ctx = new SimContext(scenario, settings, clock);
    List<Strategy> strategies =
        List.of(
            new HeadroomStrategy(ctx, forecastSettings, engineConfig),
            new HpaStrategy(ctx),
            new StaticPeakStrategy(ctx));
    int n = ctx.size();
    int kinds = strategies.size();
    ElasticityMeter[][] meters = new ElasticityMeter[n][kinds];
    for (ElasticityMeter[] row : meters) {
      for (int s = 0; s < kinds; s++) {
        row[s] = new ElasticityMeter();
      }
    }
    List<BudgetManifest> budgets = scenario.budgets();
    List<List<Integer>> consumers = new ArrayList<>();
    BudgetMeter[][] budgetMeters = new BudgetMeter[budgets.size()][kinds];
    for (int b = 0; b < budgets.size(); b++) {
      consumers.add(scenario.consumersOf(budgets.get(b).id()));
      for (int s = 0; s < kinds; s++) {
        budgetMeters[b][s] = new BudgetMeter(budgets.get(b).spec().available());
      }
    }
    SeriesRecorder series = new SeriesRecorder(start, dt, steps, n, budgets.size(), kinds);
    long reconcile = settings.reconcileInterval().getSeconds();

    progress.start(scenario.title(), steps);
    for (long k = 0; k < steps; k++) {
      long now = start + k * dt;
      clock.moveTo(now);
      if ((now - start) % reconcile == 0) {
        for (Strategy strategy : strategies) {
          strategy.reconcile();
        }
      }
      for (int i = 0; i < n; i++) {
        LoadModel load = ctx.load(i);
        boolean covered = load.covers(now);
        double rate = load.rateAt(now);
        int demand = load.replicasFor(rate);
        for (int s = 0; s < kinds; s++) {
          Workload w = strategies.get(s).workload(i);
          int ready = w.pods().promote(now);
          if (covered) {
            meters[i][s].add(
                dt,
                rate,
                load.perReplicaCapacity(),
                demand,
                ready,
                w.replicas(),
                w.budgetLimited());
            series.policy(i, now, rate, s, w.replicas(), ready * load.perReplicaCapacity());
            listener.step(now, dt, i, strategies.get(s).kind(), rate, demand, ready, w.replicas());
          }
        }
      }
      for (int b = 0; b < budgets.size(); b++) {
        for (int s = 0; s < kinds; s++) {
          long held = 0;
          for (int i : consumers.get(b)) {
            Workload w = strategies.get(s).workload(i);
            held +=
                BudgetInvariant.footprint(
                    w.replicas(), ctx.policy(i).surge(w.replicas()), w.pool());
          }
          budgetMeters[b][s].add(dt, held);
          series.budget(b, now, s, held);
        }
      }
      if ((k + 1) % CHUNK == 0) {
        progress.advance(CHUNK);
      }
    }
    progress.advance(steps % CHUNK);
    progress.done();

    return result(
        scenario,
        settings,
        ctx,
        strategies,
        meters,
        budgetMeters,
        consumers,
        series,
        dt,
        start,
        end,
        steps);
  }

  private static SimulationResult result(
      Scenario scenario,
      SimulationSettings settings,
      SimContext ctx,
      List<Strategy> strategies,
      ElasticityMeter[][] meters,
      BudgetMeter[][] budgetMeters,
      List<List<Integer>> consumers,
      SeriesRecorder series,
      long dt,
      long start,
      long end,
      long steps) {
    List<PolicyResult> policies = new ArrayList<>();
    ElasticityMeter[] pooled = new ElasticityMeter[strategies.size()];
    for (int s = 0; s < strategies.size(); s++) {
      pooled[s] = new ElasticityMeter();
    }
    for (int i = 0; i < ctx.size(); i++) {
      ScenarioPolicy p = ctx.policy(i);
      Map<StrategyKind, ElasticityMetrics> byKind = new EnumMap<>(StrategyKind.class);
      for (int s = 0; s < strategies.size(); s++) {
        byKind.put(strategies.get(s).kind(), meters[i][s].metrics());
        pooled[s].merge(meters[i][s]);
      }
      LoadModel load = ctx.load(i);
      policies.add(
          new PolicyResult(
              p.id(),
              p.trace().source(),
              p.trace().start(),
              Instant.ofEpochSecond(p.trace().endSecond()),
              p.trace().intervalSeconds(),
              p.trace().size(),
              load.trace().peakRate(),
              load.perReplicaCapacity(),
              p.manifest().spec().replicas().min(),
              p.manifest().spec().replicas().max(),
              StaticPeakStrategy.replicas(ctx, i),
              p.manifest().budgetId(),
              byKind));
    }
    Map<StrategyKind, ElasticityMetrics> totals = new EnumMap<>(StrategyKind.class);
    for (int s = 0; s < strategies.size(); s++) {
      totals.put(strategies.get(s).kind(), pooled[s].metrics());
    }
    List<BudgetResult> budgets = new ArrayList<>();
    Map<StrategyKind, BudgetMetrics> budgetTotals = new EnumMap<>(StrategyKind.class);
    for (int b = 0; b < scenario.budgets().size(); b++) {
      BudgetSpec spec = scenario.budgets().get(b).spec();
      Map<StrategyKind, BudgetMetrics> byKind = new EnumMap<>(StrategyKind.class);
      for (int s = 0; s < strategies.size(); s++) {
        StrategyKind kind = strategies.get(s).kind();
        BudgetMetrics m = budgetMeters[b][s].metrics();
        byKind.put(kind, m);
        budgetTotals.merge(
            kind,
            m,
            (x, y) ->
                new BudgetMetrics(
                    Math.max(x.peakConnections(), y.peakConnections()),
                    x.breachMinutes() + y.breachMinutes(),
                    x.breaches() + y.breaches(),
                    Math.max(x.peakExcess(), y.peakExcess())));
      }
      List<String> ids = consumers.get(b).stream().map(i -> ctx.policy(i).id()).toList();
      budgets.add(
          new BudgetResult(
              spec.id(), spec.maxConnections(), spec.reserved(), spec.available(), ids, byKind));
    }
    List<String> notes = new ArrayList<>(scenario.notes());
    for (Strategy s : strategies) {
      if (s instanceof HeadroomStrategy headroom) {
        for (int i = 0; i < ctx.size(); i++) {
          String id = ctx.policy(i).id();
          Instant from = ctx.policy(i).trace().start();
          headroom.forecastReadiness(i).flatMap(r -> r.note(id, from)).ifPresent(notes::add);
        }
      }
    }
    return new SimulationResult(
        scenario.title(),
        settings,
        dt,
        Instant.ofEpochSecond(start),
        Instant.ofEpochSecond(end),
        steps,
        policies,
        budgets,
        totals,
        budgetTotals,
        notes,
        series.chart());
  }

  /** The simulation step: every delay, interval and offset is a whole number of steps. */
  static long step(Scenario scenario, SimulationSettings settings, long start) {
    long g = settings.reconcileInterval().getSeconds();
    g = gcd(g, settings.startupDelay().getSeconds());
    g = gcd(g, settings.metricDelay().getSeconds());
    g = gcd(g, settings.metricWindow().getSeconds());
    for (ScenarioPolicy p : scenario.policies()) {
      g = gcd(g, p.trace().intervalSeconds());
      g = gcd(g, p.trace().startSecond() - start);
    }
    return g;
  }

  private static long gcd(long a, long b) {
    a = Math.abs(a);
    b = Math.abs(b);
    while (b != 0) {
      long t = a % b;
      a = b;
      b = t;
    }
    return a;
  }
}
