package dev.headroom.simulator.sim;

import dev.headroom.engine.DecisionEngine;
import dev.headroom.engine.EngineConfig;
import dev.headroom.engine.budget.AllocationStrategy;
import dev.headroom.engine.budget.BudgetAllocation;
import dev.headroom.engine.budget.BudgetAllocator;
import dev.headroom.engine.budget.BudgetAsk;
import dev.headroom.engine.budget.BudgetSpec;
import dev.headroom.engine.budget.ConsumerDemand;
import dev.headroom.engine.budget.PoolSize;
import dev.headroom.engine.budget.PoolSizer;
import dev.headroom.engine.forecast.ForecastSettings;
import dev.headroom.engine.forecast.SeasonalForecaster;
import dev.headroom.engine.grant.GrantLedger;
import dev.headroom.engine.grant.LedgerEntry;
import dev.headroom.engine.grant.LedgerStep;
import dev.headroom.engine.model.ConcurrencySample;
import dev.headroom.engine.model.Connections;
import dev.headroom.engine.model.Decision;
import dev.headroom.engine.model.Observation;
import dev.headroom.engine.model.PolicySpec;
import dev.headroom.engine.model.ScalingHistory;
import dev.headroom.engine.model.SignalSample;
import dev.headroom.engine.transition.PoolDeliveryMode;
import dev.headroom.engine.transition.TransitionRequest;
import dev.headroom.engine.transition.WorkloadPlan;
import dev.headroom.engine.transition.WorkloadShape;
import dev.headroom.engine.transition.WorkloadTransition;
import dev.headroom.engine.transition.Write;
import dev.headroom.simulator.input.BudgetManifest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Headroom: every policy through the {@link DecisionEngine} as written (load signal, capacity
 * model, schedules, forecast, behavior), and every budget shared the way the budget reconciler
 * shares it. A policy with {@code forecast.enabled} gets the forecast the operator would compute
 * from the trace's past ({@link ForecastFeed}).
 *
 * <p>Each round, per budget, as the operator's two reconcilers do: each consumer's request (its
 * decision without the budget) goes to the {@link BudgetAllocator}; the {@link GrantLedger} steps
 * the published grants towards the allocation (shrinks at once, grows only from what no consumer
 * holds); each consumer then decides with its published grant, which caps replicas and sizes the
 * pool, and moves by the plan of the engine's {@link WorkloadTransition} (shrink, confirm, grow),
 * reporting back its grant sequence and its bound. Pools reach the simulated pods in place (nothing
 * rolls). Policies without a budget just decide.
 */
public final class HeadroomStrategy implements Strategy {

  private final SimContext ctx;
  private final DecisionEngine engine;
  private final BudgetAllocator allocator = new BudgetAllocator();
  private final WorkloadTransition transition = new WorkloadTransition();
  private final BudgetAsk ask = new BudgetAsk(EngineConfig.defaults().tolerance());
  private final Workload[] workloads;
  private final ScalingHistory[] histories;
  private final PolicySpec[] unbudgeted;
  private final List<BudgetManifest> budgets;
  private final List<List<Integer>> consumers = new ArrayList<>();
  private final List<Integer> alone = new ArrayList<>();
  private final ForecastFeed[] forecasts;

  /** What each policy asked its budget for in the last round (the operator's requestedReplicas). */
  private final OptionalInt[] asks;

  /** Each budgeted policy's line in its budget's ledger, as the budget's status keeps it. */
  private final Ledger[] ledger;

  /** A consumer's published grant, what the budget holds for it, and what it reported back. */
  private record Ledger(long issued, long seq, long held, long acknowledged, long bound) {}

  public HeadroomStrategy(SimContext ctx) {
    this(ctx, ForecastSettings.defaults());
  }

  public HeadroomStrategy(SimContext ctx, ForecastSettings forecastSettings) {
    this(ctx, forecastSettings, EngineConfig.defaults());
  }

  public HeadroomStrategy(
      SimContext ctx, ForecastSettings forecastSettings, EngineConfig engineConfig) {
    this.ctx = ctx;
    this.engine = new DecisionEngine(engineConfig);
    int n = ctx.size();
    workloads = new Workload[n];
    histories = new ScalingHistory[n];
    unbudgeted = new PolicySpec[n];
    forecasts = new ForecastFeed[n];
    asks = new OptionalInt[n];
    ledger = new Ledger[n];
    Arrays.fill(asks, OptionalInt.empty());
    for (int i = 0; i < n; i++) {
      if (ForecastFeed.applies(spec(i))) {
        forecasts[i] =
            new ForecastFeed(
                spec(i),
                ctx.policy(i).trace(),
                ctx.settings().metricDelay(),
                // The simulator decides every reconcile interval: that is its decision interval.
                new SeasonalForecaster(
                    forecastSettings.withDecisionInterval(ctx.settings().reconcileInterval())));
      }
      workloads[i] = new Workload(ctx.initialReplicas(i), 0);
      histories[i] = ScalingHistory.empty();
      unbudgeted[i] = Specs.withConnections(spec(i), Optional.empty());
      if (spec(i).connections().isEmpty()) {
        alone.add(i);
      }
    }
    budgets = ctx.scenario().budgets();
    for (BudgetManifest b : budgets) {
      List<Integer> group = ctx.scenario().consumersOf(b.id());
      consumers.add(group);
      initialPools(b.spec(), group);
    }
  }

  /** When and why policy {@code index}'s forecast was not ready; empty if it has none. */
  public Optional<ForecastReadiness> forecastReadiness(int index) {
    return Optional.ofNullable(forecasts[index]).map(ForecastFeed::readiness);
  }

  @Override
  public StrategyKind kind() {
    return StrategyKind.HEADROOM;
  }

  @Override
  public Workload workload(int index) {
    return workloads[index];
  }

  @Override
  public void reconcile() {
    for (int i : alone) {
      Decision d = engine.decide(spec(i), observe(i), histories[i]);
      histories[i] = d.history();
      apply(i, d.desiredReplicas(), workloads[i].pool());
    }
    for (int b = 0; b < budgets.size(); b++) {
      share(budgets.get(b).spec(), consumers.get(b));
    }
  }

  private void share(BudgetSpec budget, List<Integer> group) {
    List<ConsumerDemand> demands = new ArrayList<>();
    Observation[] observations = new Observation[group.size()];
    int[] surges = new int[group.size()];
    for (int k = 0; k < group.size(); k++) {
      int i = group.get(k);
      observations[k] = observe(i);
      surges[k] = ctx.policy(i).surge(workloads[i].replicas());
      Decision unbudgetedDecision = engine.decide(unbudgeted[i], observations[k], histories[i]);
      int requested = ask.replicas(unbudgetedDecision, spec(i).replicas(), asks[i]);
      asks[i] = OptionalInt.of(requested);
      demands.add(demand(i, requested, surges[k]));
    }
    BudgetAllocation allocation = allocator.allocate(budget, demands);
    List<LedgerEntry> entries = new ArrayList<>();
    for (int k = 0; k < group.size(); k++) {
      int i = group.get(k);
      Ledger l = ledger[i];
      entries.add(
          new LedgerEntry(
              spec(i).id(),
              budget.allocation() == AllocationStrategy.PRIORITY
                  ? -ctx.policy(i).manifest().priority()
                  : 0,
              allocation.grantFor(spec(i).id()).orElseThrow().connections(),
              l.issued(),
              l.seq(),
              l.held(),
              OptionalLong.of(l.acknowledged()),
              OptionalLong.of(l.bound())));
    }
    List<LedgerStep> steps = GrantLedger.step(budget.available(), entries);
    for (int k = 0; k < group.size(); k++) {
      int i = group.get(k);
      LedgerStep step = steps.get(k);
      long grant = step.issued();
      Decision d =
          engine.decide(
              Specs.withSurge(spec(i), surges[k]),
              observations[k].withGrant((int) Math.min(Integer.MAX_VALUE, grant)),
              histories[i]);
      histories[i] = d.history();
      workloads[i].setBudgetLimited(d.budgetLimited());
      Workload w = workloads[i];
      WorkloadShape shape =
          new WorkloadShape(w.replicas(), w.pods().total(), 0, surges[k], w.pool(), false);
      WorkloadPlan plan =
          transition.plan(
              shape,
              new TransitionRequest(
                  d.desiredReplicas(),
                  d.poolSize(),
                  OptionalInt.of(w.pool()),
                  OptionalLong.of(grant),
                  spec(i).connections().orElseThrow().poolMax(),
                  PoolDeliveryMode.IN_PLACE,
                  Optional.empty()));
      for (Write write : plan.writes()) {
        if (write instanceof Write.Scale scale) {
          apply(i, scale.to(), w.pool());
        } else if (write instanceof Write.Pool pool) {
          apply(i, w.replicas(), pool.to());
        }
      }
      ledger[i] =
          new Ledger(grant, step.issuedSeq(), step.held(), step.issuedSeq(), plan.inUseBound());
    }
  }

  private void initialPools(BudgetSpec budget, List<Integer> group) {
    List<ConsumerDemand> demands = new ArrayList<>();
    for (int i : group) {
      demands.add(demand(i, workloads[i].replicas(), ctx.policy(i).surge(workloads[i].replicas())));
    }
    BudgetAllocation allocation = allocator.allocate(budget, demands);
    PoolSizer sizer = new PoolSizer();
    for (int k = 0; k < group.size(); k++) {
      int i = group.get(k);
      Connections c = spec(i).connections().orElseThrow();
      long grant = allocation.grantFor(spec(i).id()).orElseThrow().connections();
      PoolSize size =
          sizer.size(
              grant, workloads[i].replicas(), c.poolMin(), c.poolMax(), demands.get(k).maxSurge());
      workloads[i] = new Workload(size.replicas(), size.pool());
      long bound =
          new WorkloadShape(
                  size.replicas(),
                  size.replicas(),
                  0,
                  demands.get(k).maxSurge(),
                  size.pool(),
                  false)
              .bound();
      ledger[i] = new Ledger(grant, 1, Math.max(grant, bound), 1, bound);
    }
  }

  private ConsumerDemand demand(int i, int requested, int surge) {
    PolicySpec spec = spec(i);
    Connections c = spec.connections().orElseThrow();
    return new ConsumerDemand(
        spec.id(),
        ctx.policy(i).manifest().priority(),
        spec.replicas().min(),
        requested,
        c.poolMin(),
        c.poolMax(),
        surge,
        spec.replicas().max());
  }

  private Observation observe(int i) {
    long now = ctx.clock().epochSecond();
    Instant at = ctx.clock().instant();
    Workload w = workloads[i];
    double rate = ctx.load(i).observedRate(now);
    Observation obs = Observation.of(at, w.replicas(), w.pods().ready());
    PolicySpec spec = spec(i);
    if (!spec.load().isEmpty()) {
      obs = obs.withSignal(spec.load().get(0).name(), SignalSample.value(at, rate));
    }
    if (spec.concurrency().isPresent()) {
      obs = obs.withConcurrency(new ConcurrencySample(at, rate, ctx.settings().latency()));
    }
    if (forecasts[i] != null) {
      OptionalInt f = forecasts[i].replicas(now, w.replicas());
      if (f.isPresent()) {
        obs = obs.withForecast(f.getAsInt());
      }
    }
    return obs;
  }

  private void apply(int i, int replicas, int pool) {
    Workload w = workloads[i];
    if (replicas != w.replicas()) {
      w.pods().scaleTo(replicas, ctx.clock().epochSecond(), ctx.startupSeconds());
    }
    w.setPool(pool);
  }

  private PolicySpec spec(int i) {
    return ctx.policy(i).manifest().spec();
  }
}
