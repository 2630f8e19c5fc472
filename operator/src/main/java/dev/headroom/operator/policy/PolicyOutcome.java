package dev.headroom.operator.policy;

import dev.headroom.engine.model.Decision;
import dev.headroom.engine.model.ScalingHistory;
import dev.headroom.engine.validation.Violation;
import dev.headroom.operator.api.v1alpha1.ScalingPolicy;
import dev.headroom.operator.api.v1alpha1.ScalingPolicyStatus;
import dev.headroom.operator.metrics.HeadroomMetrics;
import dev.headroom.operator.status.ApiNames;
import dev.headroom.operator.status.EventPublisher;
import dev.headroom.operator.status.EventReasons;
import dev.headroom.operator.workload.WorkloadSnapshot;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * Everything one reconcile tells about a policy: status, conditions, history, Events and
 * metrics. Each terminal method returns the control that writes the status.
 */
public final class PolicyOutcome {

  private final ScalingPolicy policy;
  private final ScalingPolicyStatus status;
  private final Instant now;
  private final EventPublisher events;
  private final HeadroomMetrics metrics;
  private final Integer writtenReplicas;
  private WorkloadSnapshot snapshot;
  private Decision decision;

  public PolicyOutcome(ScalingPolicy policy, Instant now, EventPublisher events,
      HeadroomMetrics metrics) {
    this.policy = policy;
    if (policy.getStatus() == null) {
      policy.setStatus(new ScalingPolicyStatus());
    }
    this.status = policy.getStatus();
    this.writtenReplicas = status.getCurrentReplicas();
    this.now = now;
    this.events = events;
    this.metrics = metrics;
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

  /** When the next schedule window opens, if any will. */
  public void nextWindow(Optional<java.time.Instant> start) {
    status.setNextScheduleWindow(start.map(java.time.Instant::toString).orElse(null));
  }

  public void decided(Decision d, int requested, SignalReader.Readings readings,
      ConflictDetector.Conflicts conflicts, boolean capOnly, String budgetId, OptionalLong grant) {
    this.decision = d;
    PolicyStatusWriter.writeDecision(status, d);
    status.setRequestedReplicas(requested);
    status.setGrant(grant.isPresent() ? (int) Math.min(Integer.MAX_VALUE, grant.getAsLong()) : null);
    PolicyConditions.metrics(policy, readings, now);
    PolicyConditions.schedule(policy, d, now);
    if (budgetId != null && grant.isPresent()) {
      PolicyConditions.budget(policy, d, budgetId, grant.getAsLong(), now);
      if (d.budgetLimited()) {
        events.normal(policy, EventReasons.BUDGET_LIMITED, status.getConditions().stream()
            .filter(c -> "BudgetLimited".equals(c.getType())).findFirst().get().getMessage());
      }
    }
    PolicyConditions.forecast(policy, now);
    PolicyConditions.conflict(policy, conflicts, capOnly, now);
    if (!readings.complete()) {
      events.warning(policy, EventReasons.METRICS_UNAVAILABLE, String.join("; ", readings.failures()));
    }
    if (conflicts.any() && !capOnly) {
      events.warning(policy, EventReasons.CONFLICTING_AUTOSCALER, String.join(", ", conflicts.owners()));
    }
    String ns = policy.getMetadata().getNamespace();
    String name = policy.getMetadata().getName();
    metrics.policyReplicas(ns, name, snapshot.specReplicas(), d.desiredReplicas());
    d.poolSize().ifPresent(p -> metrics.policyPool(ns, name, p));
    metrics.policyBudgetLimited(ns, name, d.budgetLimited());
    metrics.policyMetricsAvailable(ns, name, readings.complete());
  }

  public UpdateControl<ScalingPolicy> invalid(List<Violation> violations) {
    String message = violations.stream().map(v -> v.field() + ": " + v.message())
        .collect(Collectors.joining("; "));
    PolicyConditions.ready(policy, false, EventReasons.INVALID_SPEC,
        "invalid spec, nothing is changed: " + message, now);
    events.warning(policy, EventReasons.INVALID_SPEC, message);
    status.setObservedGeneration(policy.getMetadata().getGeneration());
    return UpdateControl.patchStatus(policy);
  }

  public UpdateControl<ScalingPolicy> blocked(String reason, String message, Duration retry) {
    PolicyConditions.ready(policy, false, reason, message, now);
    events.warning(policy, reason, message);
    status.setObservedGeneration(policy.getMetadata().getGeneration());
    if (decision != null) {
      metrics.decision(ApiNames.of(decision.winner()), ApiNames.of(decision.limitedBy()), "held");
    }
    return UpdateControl.patchStatus(policy).rescheduleAfter(retry);
  }

  public UpdateControl<ScalingPolicy> dryRun(Optional<GrantView> grant, Duration sync) {
    int current = snapshot.specReplicas();
    Integer pool = snapshot.templatePool().isPresent() ? snapshot.templatePool().getAsInt() : null;
    Integer toPool = decision.poolSize().isPresent() ? decision.poolSize().getAsInt() : pool;
    boolean differs = decision.desiredReplicas() != current || !java.util.Objects.equals(pool, toPool);
    if (differs) {
      String reason = decision.summary();
      PolicyStatusWriter.appendRecord(policy,
          PolicyStatusWriter.record(now, current, decision.desiredReplicas(), pool, toPool, decision,
              reason, true));
      events.normal(policy, EventReasons.DRY_RUN_DECISION, "would set replicas " + current + " → "
          + decision.desiredReplicas() + (toPool == null ? "" : ", pool " + pool + " → " + toPool)
          + ": " + reason);
    }
    // Headroom never writes a dry-run target, so its usage never follows a grant: what it
    // reports as its bound is all the budget needs to hold for it.
    acknowledge(grant);
    PolicyConditions.ready(policy, true, EventReasons.DRY_RUN,
        "dry run: decisions are recorded, the target is never written", now);
    metrics.decision(ApiNames.of(decision.winner()), ApiNames.of(decision.limitedBy()),
        differs ? "dry_run" : "none");
    status.setObservedGeneration(policy.getMetadata().getGeneration());
    return UpdateControl.patchStatus(policy).rescheduleAfter(sync);
  }

  public UpdateControl<ScalingPolicy> applied(Actuation a, Optional<GrantView> grant,
      String extraAction, Duration sync, Duration poll) {
    int fromReplicas = snapshot.specReplicas();
    Integer fromPool = snapshot.templatePool().isPresent() ? snapshot.templatePool().getAsInt() : null;
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
      String reason = String.join(", ", actions) + " — " + decision.summary();
      status.setLastScaleTime(now.toString());
      PolicyStatusWriter.appendRecord(policy, PolicyStatusWriter.record(now, fromReplicas,
          a.replicas(), fromPool, a.pool().isPresent() ? a.pool().getAsInt() : null, decision,
          reason, false));
      if (a.replicas() != fromReplicas) {
        events.normal(policy, EventReasons.SCALED, "replicas " + fromReplicas + " → " + a.replicas()
            + " (" + ApiNames.of(decision.winner()) + ", limited by "
            + ApiNames.of(decision.limitedBy()) + "): " + decision.summary());
      }
      if (a.pool().isPresent() && !a.pool().equals(snapshot.templatePool())) {
        events.normal(policy, EventReasons.POOL_RESIZED, String.join(", ", a.actions()));
      }
      if (extraAction != null) {
        events.normal(policy, EventReasons.HPA_CAPPED, extraAction);
      }
    }
    if (a.waiting().isPresent()) {
      PolicyConditions.ready(policy, true, EventReasons.WAITING_FOR_ROLLOUT, a.waiting().get(), now);
    } else {
      PolicyConditions.ready(policy, true, changed ? EventReasons.SCALED : EventReasons.STEADY,
          changed ? "applied: " + String.join(", ", a.actions()) : "the target matches the decision",
          now);
    }
    metrics.decision(ApiNames.of(decision.winner()), ApiNames.of(decision.limitedBy()),
        changed ? "applied" : a.waiting().isPresent() ? "waiting" : "none");
    status.setObservedGeneration(policy.getMetadata().getGeneration());
    boolean busy = changed || a.waiting().isPresent() || snapshot.rolloutInProgress();
    return UpdateControl.patchStatus(policy).rescheduleAfter(busy ? poll : sync);
  }

  public void failed(Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    PolicyConditions.ready(policy, false, EventReasons.API_ERROR,
        "reconcile failed, retrying with backoff; nothing else was changed: " + message, now);
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

  /** Reports the grant this round obeyed, so the budget can release what it held. */
  private void acknowledge(Optional<GrantView> grant) {
    grant.ifPresent(g -> status.setAcknowledgedGrantSeq(g.seq()));
  }
}
