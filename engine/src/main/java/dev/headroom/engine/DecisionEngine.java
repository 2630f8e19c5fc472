package dev.headroom.engine;

import dev.headroom.engine.budget.PoolSize;
import dev.headroom.engine.budget.PoolSizer;
import dev.headroom.engine.hpa.BehaviorNormalizer;
import dev.headroom.engine.hpa.Normalization;
import dev.headroom.engine.model.Connections;
import dev.headroom.engine.model.Decision;
import dev.headroom.engine.model.FrozenList;
import dev.headroom.engine.model.Limit;
import dev.headroom.engine.model.Mode;
import dev.headroom.engine.model.Observation;
import dev.headroom.engine.model.PolicySpec;
import dev.headroom.engine.model.Reason;
import dev.headroom.engine.model.Recommendation;
import dev.headroom.engine.model.RenderedReasons;
import dev.headroom.engine.model.ScalingHistory;
import dev.headroom.engine.model.Source;
import dev.headroom.engine.schedule.ScheduleStatus;
import dev.headroom.engine.schedule.WindowPhase;
import dev.headroom.engine.schedule.WindowState;
import dev.headroom.engine.validation.PolicyValidator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The decision engine: a pure function of (policy, observation, history) to a {@link Decision}.
 *
 * <ol>
 *   <li>An invalid policy changes nothing: the decision keeps the current replicas and lists the
 *       violations.
 *   <li>Load: HPA v2 over the load signals and the capacity model over concurrency; the larger
 *       wins. Missing data never scales in (fail static).
 *   <li>Raw recommendation = max(load, schedule floor, forecast): a forecast can only raise.
 *   <li>Current replicas outside the bounds are brought to the bound (as the HPA does); otherwise
 *       HPA {@code behavior} applies: stabilization windows, rate policies, bounds.
 *   <li>The budget grant caps replicas and sizes the pool.
 * </ol>
 *
 * The only time read is {@link Observation#now()}. In {@link Mode#DRY_RUN} no scale events are
 * recorded, since nothing is applied.
 */
public final class DecisionEngine {

  private final LoadEvaluator load;
  private final BehaviorNormalizer normalizer = new BehaviorNormalizer();
  private final PolicyValidator validator = new PolicyValidator();
  private final PreparedPolicies prepared = new PreparedPolicies(validator);
  private final PoolSizer poolSizer = new PoolSizer();

  public DecisionEngine() {
    this(EngineConfig.defaults());
  }

  public DecisionEngine(EngineConfig config) {
    this.load = new LoadEvaluator(config);
  }

  /**
   * Validates a policy and prepares its schedules, once, for {@link #decide(PreparedPolicy,
   * Observation, ScalingHistory)}. A host keeps the result as long as the spec is unchanged.
   */
  public PreparedPolicy prepare(PolicySpec spec) {
    return PreparedPolicy.of(spec, validator);
  }

  /**
   * Decides for a spec. Equal to {@code decide(prepare(spec), obs, history)}; the preparation is
   * memoised per spec (by identity, then by value), so a spec is validated once, not every call.
   */
  public Decision decide(PolicySpec spec, Observation obs, ScalingHistory history) {
    return decide(prepared.of(spec), obs, history);
  }

  /** Decides for a prepared policy: no validation, schedules from their cache. */
  public Decision decide(PreparedPolicy policy, Observation obs, ScalingHistory history) {
    PolicySpec spec = policy.spec();
    int current = obs.currentReplicas();
    if (!policy.valid()) {
      List<String> reasons = new ArrayList<>();
      reasons.add("invalid policy, keeping " + current + " replicas");
      policy.violations().forEach(v -> reasons.add(v.toString()));
      return new Decision(
          spec.id(),
          obs.now(),
          current,
          current,
          OptionalInt.empty(),
          List.of(),
          Source.FAIL_STATIC,
          Limit.NONE,
          reasons,
          history,
          false,
          false,
          false,
          Optional.empty(),
          false,
          spec.mode(),
          false,
          ScheduleStatus.NONE);
    }
    int min = spec.replicas().min();
    int max = spec.replicas().max();
    List<Reason> reasons = new ArrayList<>(8);
    List<Recommendation> recs = new ArrayList<>(6);

    LoadOutcome loadOutcome = load.evaluate(spec, obs, recs, reasons);
    // Max wins; on ties the earlier source in Source order (reactive before schedule...).
    Recommendation winner = loadOutcome.replicas();

    ScheduleStatus scheduleStatus = policy.schedules().at(obs.now());
    if (scheduleStatus.winner().isPresent()) {
      WindowState w = scheduleStatus.winner().get();
      Recommendation r = new Recommendation(Source.SCHEDULE, w.minReplicas(), scheduleReason(w));
      recs.add(r);
      reasons.add(r.why());
      winner = larger(winner, r);
    }

    if (spec.forecast().isPresent()
        && spec.forecast().get().enabled()
        && obs.forecastReplicas().isPresent()) {
      int f = obs.forecastReplicas().getAsInt();
      Recommendation r =
          new Recommendation(
              Source.FORECAST, f, () -> "forecast -> " + f + " (can only raise replicas)");
      recs.add(r);
      reasons.add(r.why());
      winner = larger(winner, r);
    }

    if (winner == null) {
      winner =
          new Recommendation(
              Source.BOUNDS,
              min,
              () -> "no load signal, schedule or forecast applies: replicas.min " + min);
    }
    int raw = winner.replicas();
    recs.add(
        new Recommendation(
            Source.BOUNDS, spec.replicas().clamp(raw), () -> "bounds: " + min + ".." + max));

    int desired;
    Limit limit;
    ScalingHistory updated = history;
    if (current > max) {
      desired = max;
      limit = Limit.MAX;
      reasons.add(() -> "current " + current + " above replicas.max " + max + " -> " + max);
    } else if (current < min) {
      desired = min;
      limit = Limit.MIN;
      reasons.add(() -> "current " + current + " below replicas.min " + min + " -> " + min);
    } else {
      Normalization n =
          normalizer.normalize(spec.behavior(), min, max, current, raw, history, obs.now());
      desired = n.desiredReplicas();
      updated = n.history();
      limit = limitOf(n, raw, desired, current, loadOutcome, winner);
      if (n.stabilized()) {
        reasons.add(
            () ->
                "stabilization: recent recommendations hold "
                    + n.stabilizedReplicas()
                    + " instead of "
                    + raw);
      }
      if (n.limit() != Limit.NONE) {
        int normalized = desired;
        reasons.add(() -> "behavior: " + n.limitReason() + " -> " + normalized);
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
        Reason why = () -> "budget '" + c.budgetId() + "' grants " + size.reason();
        recs.add(new Recommendation(Source.BUDGET, size.replicas(), why));
        reasons.add(why);
        pool = OptionalInt.of(size.pool());
        budgetLimited = size.replicas() < sizeFor;
        if (size.replicas() < desired) {
          desired = size.replicas();
          limit = Limit.BUDGET;
        }
      } else if (desired > current) {
        Reason why =
            () ->
                "budget '"
                    + c.budgetId()
                    + "' has granted nothing yet: holding "
                    + current
                    + " replicas";
        recs.add(new Recommendation(Source.BUDGET, current, why));
        reasons.add(why);
        desired = current;
        limit = Limit.BUDGET;
      }
    }

    if (spec.mode() == Mode.ENFORCE && desired != current) {
      updated = normalizer.recordScaleEvent(updated, spec.behavior(), current, desired, obs.now());
    }
    reasons.add(new Outcome(current, desired, winner.source(), limit, spec.mode()));

    Recommendation[] bySource = recs.toArray(new Recommendation[0]);
    Arrays.sort(bySource, BY_SOURCE);
    return new Decision(
        spec.id(),
        obs.now(),
        current,
        desired,
        pool,
        FrozenList.own(bySource),
        winner.source(),
        limit,
        new RenderedReasons(reasons),
        updated,
        budgetLimited,
        loadOutcome.metricsAvailable(),
        scheduleStatus.active(),
        scheduleStatus.winner().isPresent()
            ? Optional.of(scheduleStatus.winner().get().name())
            : Optional.empty(),
        true,
        spec.mode(),
        winner.source() == Source.REACTIVE
            && loadOutcome.withinTolerance()
            && winner.replicas() == current,
        scheduleStatus);
  }

  private static final Comparator<Recommendation> BY_SOURCE =
      Comparator.comparingInt(r -> r.source().ordinal());

  /**
   * The larger of two recommendations; on a tie the earlier source in {@link Source} order
   * (candidates arrive in that order, so the one already held).
   */
  private static Recommendation larger(Recommendation held, Recommendation candidate) {
    if (held == null || candidate.replicas() > held.replicas()) {
      return candidate;
    }
    if (candidate.replicas() == held.replicas()
        && candidate.source().ordinal() < held.source().ordinal()) {
      return candidate;
    }
    return held;
  }

  /** The decision's last sentence: what happens and why. */
  private record Outcome(int current, int desired, Source winner, Limit limit, Mode mode)
      implements Reason {

    @Override
    public String render() {
      return (desired == current ? "keep " : "scale " + current + " -> ")
          + desired
          + " replicas ("
          + winner.name().toLowerCase()
          + " won"
          + (limit == Limit.NONE ? "" : ", limited by " + limit.name().toLowerCase())
          + ")"
          + (mode == Mode.DRY_RUN ? " [dry run]" : "");
    }
  }

  private static Limit limitOf(
      Normalization n, int raw, int desired, int current, LoadOutcome load, Recommendation winner) {
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

  private static Reason scheduleReason(WindowState w) {
    if (w.phase() == WindowPhase.PRE_SCALE) {
      return () ->
          "schedule '"
              + w.name()
              + "' opens at "
              + w.windowStart().orElseThrow()
              + ", pre-scaling -> "
              + w.minReplicas();
    }
    return () ->
        "schedule '"
            + w.name()
            + "' active until "
            + w.windowEnd().orElseThrow()
            + " -> "
            + w.minReplicas();
  }
}
