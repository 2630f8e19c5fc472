package dev.headroom.operator.policy;

import dev.headroom.engine.model.Decision;
import dev.headroom.engine.model.ScalingHistory;
import dev.headroom.engine.schedule.ScheduleStatus;
import dev.headroom.engine.schedule.WindowState;
import dev.headroom.engine.validation.Violation;
import dev.headroom.operator.api.v1alpha1.PolicyMode;
import dev.headroom.operator.api.v1alpha1.ScalingPolicy;
import dev.headroom.operator.api.v1alpha1.ScalingPolicyStatus;
import dev.headroom.operator.forecast.ForecastOutcome;
import dev.headroom.operator.metrics.HeadroomMetrics;
import dev.headroom.operator.review.DecisionEntry;
import dev.headroom.operator.review.DecisionRecorder;
import dev.headroom.operator.status.ApiNames;
import dev.headroom.operator.status.ConditionTypes;
import dev.headroom.operator.status.EventPublisher;
import dev.headroom.operator.status.EventReasons;
import dev.headroom.operator.workload.WorkloadSnapshot;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * Everything one reconcile tells about a policy: status, conditions, history, Events and metrics.
 * Each terminal method returns when the next round is due at the latest.
 */
public final class PolicyOutcome {

  private final ScalingPolicy policy;
  private final ScalingPolicyStatus status;
  private final Instant now;
  private final EventPublisher events;
  private final HeadroomMetrics metrics;
  private final Integer writtenReplicas;
  private final DecisionRecorder recorder;
  private WorkloadSnapshot snapshot;
  private Decision decision;
  private Optional<WindowState> window = Optional.empty();
  private Optional<ForecastOutcome> forecast = Optional.empty();
  private SignalReader.Readings readings;
  private String budgetId;

  public PolicyOutcome(
      ScalingPolicy policy, Instant now, EventPublisher events, HeadroomMetrics metrics) {
    this(policy, now, events, metrics, DecisionRecorder.none());
  }

  /**
   * @param recorder receives the decision once the round knows what it did about it
   */
  public PolicyOutcome(
      ScalingPolicy policy,
      Instant now,
      EventPublisher events,
      HeadroomMetrics metrics,
      DecisionRecorder recorder) {
    this.policy = policy;
    if (policy.getStatus() == null) {
      policy.setStatus(new ScalingPolicyStatus());
    }
    this.status = policy.getStatus();
    this.writtenReplicas = status.getCurrentReplicas();
    this.now = now;
    this.events = events;
    this.metrics = metrics;
    this.recorder = recorder;
  }

  public Instant now() {
    return now;
  }

  public ScalingHistory history() {
    return PolicyStatusWriter.history(status);
  }

  public void observed(WorkloadSnapshot snap, int poolMax) {
    this.snapshot = snap;
    status.setCurrentReplicas(snap.specReplicas());
    status.setMaxSurge(snap.maxSurge());
    status.setInUseBound(poolMax > 0 ? snap.connectionsBound(poolMax) : null);
  }

  /** The schedules at this instant: the window raising the floor, and when the next opens. */
  public void schedules(ScheduleStatus schedules) {
    this.window = schedules.winner();
    status.setNextScheduleWindow(
        schedules.windows().stream()
            .map(WindowState::nextStart)
            .flatMap(Optional::stream)
            .min(Comparator.naturalOrder())
            .map(Instant::toString)
            .orElse(null));
  }

  /** The forecast this reconcile used; absent when the policy has none enabled. */
  public void forecast(Optional<ForecastOutcome> forecast) {
    this.forecast = forecast;
  }

  public void decided(
      Decision d,
      int requested,
      SignalReader.Readings readings,
      ConflictDetector.Conflicts conflicts,
      boolean capOnly,
      String budgetId,
      OptionalLong grant) {
    this.decision = d;
    this.readings = readings;
    this.budgetId = budgetId;
    PolicyStatusWriter.writeDecision(status, d);
    status.setRequestedReplicas(requested);
    status.setGrant(
        grant.isPresent() ? (int) Math.min(Integer.MAX_VALUE, grant.getAsLong()) : null);
    PolicyConditions.metrics(policy, readings, now);
    Condition scheduleBefore = PolicyConditions.find(policy, ConditionTypes.SCHEDULE_ACTIVE);
    PolicyConditions.schedule(policy, d, window, now);
    ScheduleTransition.between(
            scheduleBefore, PolicyConditions.find(policy, ConditionTypes.SCHEDULE_ACTIVE))
        .ifPresent(t -> events.normal(policy, t.reason(), t.message()));
    if (budgetId != null && grant.isPresent()) {
      PolicyConditions.budget(policy, d, budgetId, grant.getAsLong(), now);
      if (d.budgetLimited()) {
        events.normal(
            policy,
            EventReasons.BUDGET_LIMITED,
            status.getConditions().stream()
                .filter(c -> "BudgetLimited".equals(c.getType()))
                .findFirst()
                .get()
                .getMessage());
      }
    }
    PolicyConditions.forecast(policy, forecast, now);
    status.setForecast(forecast.flatMap(ForecastOutcome::status).orElse(null));
    PolicyConditions.conflict(policy, conflicts, capOnly, now);
    if (!readings.complete()) {
      events.warning(
          policy, EventReasons.METRICS_UNAVAILABLE, String.join("; ", readings.failures()));
    }
    if (conflicts.any() && !capOnly) {
      events.warning(
          policy, EventReasons.CONFLICTING_AUTOSCALER, String.join(", ", conflicts.owners()));
    }
    String ns = policy.getMetadata().getNamespace();
    String name = policy.getMetadata().getName();
    metrics.policyReplicas(ns, name, snapshot.specReplicas(), d.desiredReplicas());
    d.poolSize().ifPresent(p -> metrics.policyPool(ns, name, p));
    metrics.policyBudgetLimited(ns, name, d.budgetLimited());
    metrics.policyMetricsAvailable(ns, name, readings.complete());
    forecast.ifPresent(f -> metrics.policyForecast(ns, name, f));
  }

  public Duration invalid(List<Violation> violations, Duration sync) {
    String message =
        violations.stream()
            .map(v -> v.field() + ": " + v.message())
            .collect(Collectors.joining("; "));
    PolicyConditions.ready(
        policy,
        false,
        EventReasons.INVALID_SPEC,
        "invalid spec, nothing is changed: " + message,
        now);
    events.warning(policy, EventReasons.INVALID_SPEC, message);
    status.setObservedGeneration(policy.getMetadata().getGeneration());
    return sync;
  }

  public Duration blocked(String reason, String message, Duration retry) {
    PolicyConditions.ready(policy, false, reason, message, now);
    events.warning(policy, reason, message);
    status.setObservedGeneration(policy.getMetadata().getGeneration());
    if (decision != null) {
      metrics.decision(ApiNames.of(decision.winner()), ApiNames.of(decision.limitedBy()), "held");
      report("held", List.of());
    }
    return retry;
  }

  public Duration dryRun(Optional<GrantView> grant, Duration sync) {
    int current = snapshot.specReplicas();
    Integer pool = snapshot.templatePool().isPresent() ? snapshot.templatePool().getAsInt() : null;
    // Boxed on both sides: "cond ? int : Integer" would unbox a null pool (no connections).
    Integer toPool =
        decision.poolSize().isPresent() ? Integer.valueOf(decision.poolSize().getAsInt()) : pool;
    boolean differs =
        decision.desiredReplicas() != current || !java.util.Objects.equals(pool, toPool);
    List<String> wouldDo = new java.util.ArrayList<>();
    if (differs) {
      String reason = decision.summary();
      if (decision.desiredReplicas() != current) {
        wouldDo.add("replicas " + current + " → " + decision.desiredReplicas());
      }
      if (!java.util.Objects.equals(pool, toPool)) {
        wouldDo.add("pool " + pool + " → " + toPool);
      }
      appendRecord(
          current,
          decision.desiredReplicas(),
          pool,
          toPool,
          "would set " + String.join(", ", wouldDo),
          wouldDo,
          true);
      events.normal(
          policy,
          EventReasons.DRY_RUN_DECISION,
          "would set replicas "
              + current
              + " → "
              + decision.desiredReplicas()
              + (toPool == null ? "" : ", pool " + pool + " → " + toPool)
              + ": "
              + reason);
    }
    // Headroom never writes a dry-run target, so its usage never follows a grant: what it
    // reports as its bound is all the budget needs to hold for it.
    acknowledge(grant);
    PolicyConditions.ready(
        policy,
        true,
        EventReasons.DRY_RUN,
        "dry run: decisions are recorded, the target is never written",
        now);
    metrics.decision(
        ApiNames.of(decision.winner()),
        ApiNames.of(decision.limitedBy()),
        differs ? "dry_run" : "none");
    report(differs ? "dry_run" : "none", wouldDo);
    status.setObservedGeneration(policy.getMetadata().getGeneration());
    return sync;
  }

  /** True while the history holds no entry that says what the target ran (dry runs do not). */
  public boolean nothingRecorded() {
    return status.getHistory().stream().allMatch(r -> Boolean.TRUE.equals(r.getDryRun()));
  }

  /**
   * The first round that would act records what the target runs and acts from the next round.
   * Should the acting round's status write then be lost (a kill, a lost answer, a conflict), its
   * change is still found against this entry ({@link #recordUnexplainedChange}); without it, a
   * change made by the very first round would be missing from history for good.
   */
  public Duration firstObserved(Duration poll) {
    int replicas = snapshot.specReplicas();
    Integer pool = snapshot.templatePool().isPresent() ? snapshot.templatePool().getAsInt() : null;
    String message =
        "first observed: the target runs "
            + replicas
            + " replicas"
            + (pool == null ? "" : ", pool " + pool)
            + "; Headroom acts from the next round";
    appendRecord(replicas, replicas, pool, pool, message, List.of(), false);
    status.setCurrentReplicas(replicas);
    PolicyConditions.ready(policy, true, EventReasons.FIRST_OBSERVED, message, now);
    status.setObservedGeneration(policy.getMetadata().getGeneration());
    return poll;
  }

  public Duration applied(
      Actuation a, Optional<GrantView> grant, String extraAction, Duration sync, Duration poll) {
    int fromReplicas = snapshot.specReplicas();
    Integer fromPool =
        snapshot.templatePool().isPresent() ? snapshot.templatePool().getAsInt() : null;
    recordUnexplainedChange(fromReplicas, fromPool);
    status.setCurrentReplicas(a.replicas());
    if (status.getInUseBound() != null) {
      status.setInUseBound(a.inUseBound());
    }
    acknowledge(grant);
    boolean changed = a.changed() || extraAction != null;
    if (changed) {
      List<String> actions = new java.util.ArrayList<>(a.actions());
      if (extraAction != null) {
        actions.add(extraAction);
      }
      status.setLastScaleTime(now.toString());
      appendRecord(
          fromReplicas,
          a.replicas(),
          fromPool,
          a.pool().isPresent() ? a.pool().getAsInt() : null,
          String.join(", ", actions),
          actions,
          false);
      if (a.replicas() != fromReplicas) {
        events.normal(
            policy,
            EventReasons.SCALED,
            "replicas "
                + fromReplicas
                + " → "
                + a.replicas()
                + " ("
                + ApiNames.of(decision.winner())
                + ", limited by "
                + ApiNames.of(decision.limitedBy())
                + "): "
                + decision.summary());
        events.normal(
            workload(),
            EventReasons.SCALED,
            "ScalingPolicy "
                + policy.getMetadata().getName()
                + ": replicas "
                + fromReplicas
                + " → "
                + a.replicas()
                + " ("
                + ApiNames.of(decision.winner())
                + ", limited by "
                + ApiNames.of(decision.limitedBy())
                + "): "
                + decision.summary());
      }
      if (a.pool().isPresent() && !a.pool().equals(snapshot.templatePool())) {
        events.normal(policy, EventReasons.POOL_RESIZED, String.join(", ", a.actions()));
        events.normal(
            workload(),
            EventReasons.POOL_RESIZED,
            "ScalingPolicy "
                + policy.getMetadata().getName()
                + ": "
                + String.join(", ", a.actions()));
      }
      if (extraAction != null) {
        events.normal(policy, EventReasons.HPA_CAPPED, extraAction);
      }
    }
    if (a.waiting().isPresent()) {
      PolicyConditions.ready(
          policy, true, EventReasons.WAITING_FOR_ROLLOUT, a.waiting().get(), now);
    } else {
      PolicyConditions.ready(
          policy,
          true,
          changed ? EventReasons.SCALED : EventReasons.STEADY,
          changed
              ? "applied: " + String.join(", ", a.actions())
              : "the target matches the decision",
          now);
    }
    String outcome = changed ? "applied" : a.waiting().isPresent() ? "waiting" : "none";
    metrics.decision(ApiNames.of(decision.winner()), ApiNames.of(decision.limitedBy()), outcome);
    List<String> done = new java.util.ArrayList<>(changed ? a.actions() : List.of());
    if (extraAction != null) {
      done.add(extraAction);
    }
    report(outcome, done);
    status.setObservedGeneration(policy.getMetadata().getGeneration());
    boolean busy = changed || a.waiting().isPresent() || snapshot.rolloutInProgress();
    return busy ? poll : sync;
  }

  public void failed(Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    PolicyConditions.ready(
        policy,
        false,
        EventReasons.API_ERROR,
        "reconcile failed, retrying with backoff; nothing else was changed: " + message,
        now);
    events.warning(policy, EventReasons.API_ERROR, message);
  }

  /**
   * A round can change the target and then lose its status write (the operator is killed, the
   * answer is lost, the write meets a conflict); the next round then finds nothing to do and the
   * change would be missing from history for good. So when the target runs other replicas or
   * another pool than the last entry (or, without entries, than the last status said), the change
   * is recorded now, saying it was found rather than decided in this round.
   */
  private void recordUnexplainedChange(int replicas, Integer pool) {
    PolicyStatusWriter.unexplainedChange(status.getHistory(), writtenReplicas, replicas, pool, now)
        .ifPresent(r -> PolicyStatusWriter.appendRecord(policy, r));
  }

  private void appendRecord(
      int fromReplicas,
      int toReplicas,
      Integer fromPool,
      Integer toPool,
      String reason,
      List<String> actions,
      boolean dryRun) {
    var r =
        PolicyStatusWriter.record(
            now, fromReplicas, toReplicas, fromPool, toPool, decision, reason, actions, dryRun);
    r.setRequestedReplicas(status.getRequestedReplicas());
    r.setGrant(status.getGrant());
    PolicyStatusWriter.appendRecord(policy, r);
  }

  /** The target, as Events about it name it. */
  private io.fabric8.kubernetes.api.model.ObjectReference workload() {
    return new io.fabric8.kubernetes.api.model.ObjectReferenceBuilder()
        .withApiVersion(snapshot.ref().apiVersion())
        .withKind(snapshot.ref().kind())
        .withName(snapshot.ref().name())
        .withNamespace(snapshot.ref().namespace())
        .withUid(snapshot.uid())
        .build();
  }

  /**
   * Hands the round's decision, with every input and what was done, to the recorder. Recording
   * never changes the round: a failure is logged and the round goes on.
   */
  private void report(String outcome, List<String> actions) {
    try {
      recorder.recorded(entry(outcome, actions));
    } catch (RuntimeException e) {
      org.jboss.logging.Logger.getLogger(PolicyOutcome.class)
          .warnf(
              e,
              "the decision of %s/%s could not be recorded",
              policy.getMetadata().getNamespace(),
              policy.getMetadata().getName());
    }
  }

  private DecisionEntry entry(String outcome, List<String> actions) {
    java.util.Map<String, Double> load = new java.util.TreeMap<>();
    if (readings != null) {
      readings
          .signals()
          .forEach((name, sample) -> LoadValue.of(sample).ifPresent(v -> load.put(name, v)));
    }
    return new DecisionEntry(
        now,
        policy.getMetadata().getNamespace(),
        policy.getMetadata().getName(),
        snapshot.ref().kind() + "/" + snapshot.ref().name(),
        policy.getSpec().getMode() == PolicyMode.DRY_RUN ? "DryRun" : "Enforce",
        outcome,
        snapshot.specReplicas(),
        snapshot.readyReplicas(),
        status.getRequestedReplicas() == null
            ? decision.desiredReplicas()
            : status.getRequestedReplicas(),
        decision.desiredReplicas(),
        snapshot.templatePool().isPresent() ? snapshot.templatePool().getAsInt() : null,
        status.getPoolSize(),
        budgetId,
        status.getGrant(),
        status.getInUseBound(),
        ApiNames.of(decision.winner()),
        ApiNames.of(decision.limitedBy()),
        load,
        decision.recommendations().stream()
            .map(
                r ->
                    new DecisionEntry.SourceInput(
                        ApiNames.of(r.source()), r.replicas(), r.reason()))
            .toList(),
        decision.reasons(),
        actions);
  }

  /** Reports the grant this round obeyed, so the budget can release what it held. */
  private void acknowledge(Optional<GrantView> grant) {
    grant.ifPresent(g -> status.setAcknowledgedGrantSeq(g.seq()));
  }
}
