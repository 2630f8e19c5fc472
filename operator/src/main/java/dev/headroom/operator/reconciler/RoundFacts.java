package dev.headroom.operator.reconciler;

import dev.headroom.engine.model.Decision;
import dev.headroom.engine.model.PolicySpec;
import dev.headroom.engine.schedule.ScheduleStatus;
import dev.headroom.operator.api.v1alpha1.LoadSpec;
import dev.headroom.operator.policy.Actuation;
import dev.headroom.operator.policy.SignalReader;
import dev.headroom.operator.workload.WorkloadSnapshot;
import java.util.Optional;

/**
 * What one policy round found, kept for what comes after it: which signals may wake the policy and
 * when its next round is due ({@link NextRound}). Filled as the round goes; a round that stops
 * early (invalid spec, missing target, a conflict) leaves the later parts empty.
 */
final class RoundFacts {

  LoadSpec loadSpec;
  PolicySpec spec;
  WorkloadSnapshot snapshot;
  SignalReader.Readings readings;
  Decision decision;
  ScheduleStatus schedules;
  boolean forecastEnabled;
  Actuation actuation;
  boolean dryRun;

  LoadSpec loadSpec() {
    return loadSpec;
  }

  Optional<Decision> decided() {
    return Optional.ofNullable(decision);
  }

  /** Whether the round wrote replicas other than the target ran. */
  boolean scaled() {
    return actuation != null && snapshot != null && actuation.replicas() != snapshot.specReplicas();
  }

  /**
   * Whether the round is done with its decision: nothing written, nothing waited for, and not held
   * back by the budget (then a grant grow is still to come).
   */
  boolean settled() {
    if (decision == null) {
      return true;
    }
    if (dryRun) {
      return true;
    }
    return actuation != null
        && !actuation.changed()
        && actuation.waiting().isEmpty()
        && !decision.budgetLimited()
        && decision.desiredReplicas() == snapshot.specReplicas();
  }

  /** For the debug log: what the round decided, asked, obeyed and did. */
  String describe(dev.headroom.operator.api.v1alpha1.ScalingPolicyStatus status) {
    return "desired "
        + (decision == null ? "-" : decision.desiredReplicas())
        + ", requested "
        + (status == null ? "-" : status.getRequestedReplicas())
        + ", grant "
        + (status == null ? "-" : status.getGrant())
        + ", actions "
        + (actuation == null ? "-" : actuation.actions())
        + ", waiting "
        + (actuation == null ? "-" : actuation.waiting().orElse("-"));
  }
}
