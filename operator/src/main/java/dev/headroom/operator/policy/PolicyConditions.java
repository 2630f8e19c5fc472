package dev.headroom.operator.policy;

import dev.headroom.engine.model.Decision;
import dev.headroom.engine.schedule.WindowState;
import dev.headroom.operator.api.v1alpha1.ScalingPolicy;
import dev.headroom.operator.forecast.ForecastOutcome;
import dev.headroom.operator.status.ConditionTypes;
import dev.headroom.operator.status.Conditions;
import dev.headroom.operator.status.EventReasons;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The conditions a reconciled policy shows, each with a reason and a sentence. */
final class PolicyConditions {

  private PolicyConditions() {}

  static void metrics(ScalingPolicy p, SignalReader.Readings readings, Instant now) {
    set(
        p,
        ConditionTypes.METRICS_AVAILABLE,
        readings.complete(),
        readings.complete() ? EventReasons.METRICS_OK : EventReasons.METRICS_UNAVAILABLE,
        readings.complete()
            ? "every load signal returned a value"
            : String.join("; ", readings.failures())
                + "; keeping the last safe state, never scaling in on missing data",
        now);
  }

  static void schedule(ScalingPolicy p, Decision d, Optional<WindowState> window, Instant now) {
    if (p.getSpec().getSchedules() == null || p.getSpec().getSchedules().isEmpty()) {
      remove(p, ConditionTypes.SCHEDULE_ACTIVE);
      return;
    }
    set(
        p,
        ConditionTypes.SCHEDULE_ACTIVE,
        d.scheduleActive(),
        d.scheduleActive() ? EventReasons.SCHEDULE_WINDOW : EventReasons.NO_SCHEDULE_WINDOW,
        d.scheduleActive()
            ? window
                .filter(w -> d.activeSchedule().orElse("").equals(w.name()))
                .map(ScheduleTransition::describe)
                .orElse("schedule " + d.activeSchedule().orElse("?") + " raises the floor")
            : "no schedule window is open or in its lead time",
        now);
  }

  static Condition find(ScalingPolicy p, String type) {
    return conditions(p).stream()
        .filter(c -> type.equals(c.getType()))
        .findFirst()
        .map(c -> new io.fabric8.kubernetes.api.model.ConditionBuilder(c).build())
        .orElse(null);
  }

  static void budget(ScalingPolicy p, Decision d, String budgetId, Long grant, Instant now) {
    set(
        p,
        ConditionTypes.BUDGET_LIMITED,
        d.budgetLimited(),
        d.budgetLimited() ? EventReasons.BUDGET_LIMITED : EventReasons.WITHIN_GRANT,
        d.budgetLimited()
            ? "ConnectionBudget "
                + budgetId
                + " grants "
                + grant
                + " connections: replicas capped at "
                + d.desiredReplicas()
                + " with pool "
                + d.poolSize().orElse(0)
            : "the grant of ConnectionBudget "
                + budgetId
                + " ("
                + grant
                + " connections) covers the decision",
        now);
  }

  static void forecast(ScalingPolicy p, Optional<ForecastOutcome> forecast, Instant now) {
    if (forecast.isEmpty()) {
      remove(p, ConditionTypes.FORECAST_READY);
      return;
    }
    ForecastOutcome f = forecast.get();
    set(p, ConditionTypes.FORECAST_READY, f.ready(), f.reason(), f.message(), now);
  }

  static void conflict(
      ScalingPolicy p, ConflictDetector.Conflicts c, boolean capOnly, Instant now) {
    String message;
    if (!c.rivals().isEmpty()) {
      set(
          p,
          ConditionTypes.CONFLICT,
          true,
          EventReasons.CONFLICTING_AUTOSCALER,
          String.join(", ", c.owners())
              + " also target the workload; only the oldest ScalingPolicy on"
              + " a workload acts, this one writes nothing",
          now);
      return;
    }
    if (!c.any()) {
      message =
          capOnly
              ? "no HorizontalPodAutoscaler targets the workload: nothing to cap"
              : "no other autoscaler targets the workload";
    } else if (capOnly) {
      message = String.join(", ", c.owners()) + " own replicas; Headroom only caps maxReplicas";
    } else {
      message =
          String.join(", ", c.owners())
              + " also scale the workload; Headroom does not write "
              + "replicas while they do. Remove them, or set ownership: CapHpa to cap an HPA instead";
    }
    set(
        p,
        ConditionTypes.CONFLICT,
        c.any() && !capOnly,
        c.any() ? EventReasons.CONFLICTING_AUTOSCALER : EventReasons.NO_CONFLICT,
        message,
        now);
  }

  static void ready(ScalingPolicy p, boolean ready, String reason, String message, Instant now) {
    set(p, ConditionTypes.READY, ready, reason, message, now);
  }

  private static void set(
      ScalingPolicy p, String type, boolean status, String reason, String message, Instant now) {
    Conditions.set(
        conditions(p), type, status, reason, message, p.getMetadata().getGeneration(), now);
  }

  private static void remove(ScalingPolicy p, String type) {
    conditions(p).removeIf(c -> type.equals(c.getType()));
  }

  private static List<Condition> conditions(ScalingPolicy p) {
    return p.getStatus().getConditions();
  }
}
