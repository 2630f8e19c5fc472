package dev.headroom.engine;

import dev.headroom.engine.budget.PoolSize;
import dev.headroom.engine.budget.PoolSizer;
import dev.headroom.engine.hpa.BehaviorNormalizer;
import dev.headroom.engine.hpa.Normalization;
import dev.headroom.engine.model.Connections;
import dev.headroom.engine.model.Decision;
import dev.headroom.engine.model.Limit;
import dev.headroom.engine.model.Mode;
import dev.headroom.engine.model.Observation;
import dev.headroom.engine.model.PolicySpec;
import dev.headroom.engine.model.Recommendation;
import dev.headroom.engine.model.ScalingHistory;
import dev.headroom.engine.model.Source;
import dev.headroom.engine.schedule.ScheduleEvaluator;
import dev.headroom.engine.schedule.ScheduleStatus;
import dev.headroom.engine.schedule.WindowPhase;
import dev.headroom.engine.schedule.WindowState;
import dev.headroom.engine.validation.PolicyValidator;
import dev.headroom.engine.validation.Violation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The decision engine: a pure function of (policy, observation, history) to a {@link Decision}.
 *
 * <ol>
 *   <li>An invalid policy changes nothing: the decision keeps the current replicas and lists
 *       the violations.
 *   <li>Load: HPA v2 over the load signals and the capacity model over concurrency; the larger
 *       wins. Missing data never scales in (fail static).
 *   <li>Raw recommendation = max(load, schedule floor, forecast): a forecast can only raise.
 *   <li>Current replicas outside the bounds are brought to the bound (as the HPA does);
 *       otherwise HPA {@code behavior} applies: stabilization windows, rate policies, bounds.
 *   <li>The budget grant caps replicas and sizes the pool.
 * </ol>
 *
 * The only time read is {@link Observation#now()}. In {@link Mode#DRY_RUN} no scale events are
 * recorded, since nothing is applied.
 */
public final class DecisionEngine {

  private final LoadEvaluator load;
  private final ScheduleEvaluator schedules = new ScheduleEvaluator();
  private final BehaviorNormalizer normalizer = new BehaviorNormalizer();
  private final PolicyValidator validator = new PolicyValidator();
  private final PoolSizer poolSizer = new PoolSizer();

  public DecisionEngine() {
    this(EngineConfig.defaults());
  }

  public DecisionEngine(EngineConfig config) {
    this.load = new LoadEvaluator(config);
  }

  public Decision decide(PolicySpec spec, Observation obs, ScalingHistory history) {
    int current = obs.currentReplicas();
    List<Violation> violations = validator.validate(spec);
    if (!violations.isEmpty()) {
      List<String> reasons = new ArrayList<>();
      reasons.add("invalid policy, keeping " + current + " replicas");
      violations.forEach(v -> reasons.add(v.toString()));
      return new Decision(spec.id(), obs.now(), current, current, OptionalInt.empty(), List.of(),
          Source.FAIL_STATIC, Limit.NONE, reasons, history, false, false, false,
          Optional.empty(), false, spec.mode(), false);
    }
    int min = spec.replicas().min();
    int max = spec.replicas().max();
    List<String> reasons = new ArrayList<>();
    List<Recommendation> recs = new ArrayList<>();

    LoadOutcome loadOutcome = load.evaluate(spec, obs);
    recs.addAll(loadOutcome.recommendations());
    reasons.addAll(loadOutcome.reasons());
    List<Recommendation> candidates = new ArrayList<>();
    loadOutcome.replicas().ifPresent(candidates::add);

    ScheduleStatus scheduleStatus = schedules.evaluate(spec.schedules(), obs.now());
    scheduleStatus.winner().ifPresent(w -> {
      Recommendation r = new Recommendation(Source.SCHEDULE, w.minReplicas(), scheduleReason(w));
      recs.add(r);
      candidates.add(r);
      reasons.add(r.reason());
    });

    if (spec.forecast().map(f -> f.enabled()).orElse(false)
        && obs.forecastReplicas().isPresent()) {
      int f = obs.forecastReplicas().getAsInt();
      Recommendation r = new Recommendation(Source.FORECAST, f, "forecast -> " + f
          + " (can only raise replicas)");
      recs.add(r);
      candidates.add(r);
      reasons.add(r.reason());
    }

    // Max wins; on ties the earlier source in Source order (reactive before schedule...).
    Recommendation winner = candidates.stream()
        .max(Comparator.comparingInt(Recommendation::replicas)
            .thenComparing(r -> -r.source().ordinal()))
        .orElse(new Recommendation(Source.BOUNDS, min, "no load signal, schedule or forecast"
            + " applies: replicas.min " + min));
    int raw = winner.replicas();
    recs.add(new Recommendation(Source.BOUNDS, spec.replicas().clamp(raw),
        "bounds: " + min + ".." + max));

    int desired;
    Limit limit;
    ScalingHistory updated = history;
    if (current > max) {
      desired = max;
      limit = Limit.MAX;
      reasons.add("current " + current + " above replicas.max " + max + " -> " + max);
    } else if (current < min) {
      desired = min;
      limit = Limit.MIN;
      reasons.add("current " + current + " below replicas.min " + min + " -> " + min);
    } else {
      Normalization n = normalizer.normalize(
          spec.behavior(), min, max, current, raw, history, obs.now());
      desired = n.desiredReplicas();
      updated = n.history();
      limit = limitOf(n, raw, desired, current, loadOutcome, winner);
      if (n.stabilized()) {
        reasons.add("stabilization: recent recommendations hold " + n.stabilizedReplicas()
            + " instead of " + raw);
      }
      if (n.limit() != Limit.NONE) {
        reasons.add("behavior: " + n.limitReason() + " -> " + desired);
      }
    }

    OptionalInt pool = OptionalInt.empty();
    boolean budgetLimited = false;
    if (spec.connections().isPresent()) {
      Connections c = spec.connections().get();
      if (obs.grantedConnections().isPresent()) {
        int grant = obs.grantedConnections().getAsInt();
        // Size the pool for what the load asks, not for a step that a rate policy or a
        // stabilization window holds back: replicas then ramp under one pool instead of every
        // step forcing a smaller pool (and a rollout) first.
        int sizeFor = Math.max(desired, spec.replicas().clamp(raw));
        PoolSize size = poolSizer.size(grant, sizeFor, c.poolMin(), c.poolMax(), c.maxSurge());
        String why = "budget '" + c.budgetId() + "' grants " + size.reason();
        recs.add(new Recommendation(Source.BUDGET, size.replicas(), why));
        reasons.add(why);
        pool = OptionalInt.of(size.pool());
        budgetLimited = size.replicas() < sizeFor;
        if (size.replicas() < desired) {
          desired = size.replicas();
          limit = Limit.BUDGET;
        }
      } else if (desired > current) {
        String why = "budget '" + c.budgetId() + "' has granted nothing yet: holding "
            + current + " replicas";
        recs.add(new Recommendation(Source.BUDGET, current, why));
        reasons.add(why);
        desired = current;
        limit = Limit.BUDGET;
      }
    }

    if (spec.mode() == Mode.ENFORCE && desired != current) {
      updated = normalizer.recordScaleEvent(updated, spec.behavior(), current, desired, obs.now());
    }
    reasons.add((desired == current ? "keep " : "scale " + current + " -> ") + desired
        + " replicas (" + winner.source().name().toLowerCase() + " won"
        + (limit == Limit.NONE ? "" : ", limited by " + limit.name().toLowerCase()) + ")"
        + (spec.mode() == Mode.DRY_RUN ? " [dry run]" : ""));

    recs.sort(Comparator.comparingInt(r -> r.source().ordinal()));
    return new Decision(spec.id(), obs.now(), current, desired, pool, recs, winner.source(),
        limit, reasons, updated, budgetLimited, loadOutcome.metricsAvailable(),
        scheduleStatus.active(), scheduleStatus.winner().map(WindowState::name), true,
        spec.mode(), winner.source() == Source.REACTIVE && loadOutcome.withinTolerance()
            && winner.replicas() == current);
  }

  private static Limit limitOf(Normalization n, int raw, int desired, int current,
      LoadOutcome load, Recommendation winner) {
    if (n.limit() != Limit.NONE) {
      return n.limit();
    }
    if (desired != raw && n.stabilized()) {
      return Limit.STABILIZATION;
    }
    boolean loadWon = winner.source() == Source.REACTIVE || winner.source() == Source.CAPACITY;
    if (loadWon && load.withinTolerance() && desired == current) {
      return Limit.TOLERANCE;
    }
    return Limit.NONE;
  }

  private static String scheduleReason(WindowState w) {
    if (w.phase() == WindowPhase.PRE_SCALE) {
      return "schedule '" + w.name() + "' opens at " + w.windowStart().orElseThrow()
          + ", pre-scaling -> " + w.minReplicas();
    }
    return "schedule '" + w.name() + "' active until " + w.windowEnd().orElseThrow() + " -> "
        + w.minReplicas();
  }
}
