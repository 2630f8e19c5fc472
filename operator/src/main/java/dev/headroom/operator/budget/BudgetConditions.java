package dev.headroom.operator.budget;

import dev.headroom.engine.budget.BudgetAllocation;
import dev.headroom.operator.api.v1alpha1.ConnectionBudget;
import dev.headroom.operator.api.v1alpha1.ConnectionBudgetStatus;
import dev.headroom.operator.status.ConditionTypes;
import dev.headroom.operator.status.Conditions;
import dev.headroom.operator.status.EventPublisher;
import dev.headroom.operator.status.EventReasons;
import java.time.Instant;
import java.util.List;

/**
 * A granting round's conditions: {@code Overcommitted} (the guaranteed minimums do not fit), {@code
 * Breached} (consumers may hold, or are measured holding, more than is available) and {@code Ready}
 * with what holds grows back; Warning Events for the first two.
 */
final class BudgetConditions {

  private BudgetConditions() {}

  /** Sets the conditions on {@code status} and warns about an overcommit or a breach. */
  static void set(
      ConnectionBudget budget,
      ConnectionBudgetStatus status,
      BudgetAllocation allocation,
      List<BudgetConsumers> consumers,
      List<String> forbidden,
      String observedFailure,
      String limitFailure,
      Instant now,
      EventPublisher events) {
    Long gen = budget.getMetadata().getGeneration();
    long guaranteed = allocation.grants().stream().mapToLong(g -> g.guaranteed()).sum();
    Conditions.set(
        status.getConditions(),
        ConditionTypes.OVERCOMMITTED,
        allocation.overcommitted(),
        allocation.overcommitted() ? EventReasons.OVERCOMMITTED : EventReasons.WITHIN_BUDGET,
        allocation.overcommitted()
            ? "the guaranteed minimums (replicas.min + maxSurge) × poolSize.min add up to "
                + guaranteed
                + " connections, more than the "
                + allocation.available()
                + " available; minimums are scaled down"
            : "the guaranteed minimums ("
                + guaranteed
                + ") fit the "
                + allocation.available()
                + " available",
        gen,
        now);
    boolean boundBreached = status.getInUseBound() > allocation.available();
    Integer observed = status.getObservedConnections();
    boolean observedBreached = observed != null && observed > allocation.available();
    boolean breached = boundBreached || observedBreached;
    String breach =
        "consumers may hold up to "
            + status.getInUseBound()
            + " of "
            + allocation.available()
            + " connections"
            + (observed == null ? "" : "; " + observed + " measured in use by spec.observed")
            + (boundBreached
                ? "; consumers above their grants are told to come down (DryRun or"
                    + " conflicting ones are not changed by Headroom)"
                : "")
            + (observedBreached ? "; the measured connections exceed what is available" : "");
    Conditions.set(
        status.getConditions(),
        ConditionTypes.BREACHED,
        breached,
        breached ? EventReasons.BREACH_OBSERVED : EventReasons.WITHIN_BUDGET,
        breach,
        gen,
        now);
    if (breached) {
      events.warning(budget, EventReasons.BREACH_OBSERVED, breach);
    }
    List<String> silent =
        consumers.stream().filter(c -> c.inUseBound().isEmpty()).map(c -> c.demand().id()).toList();
    String message =
        consumers.size()
            + " consumers, "
            + status.getAllocated()
            + " of "
            + allocation.available()
            + " connections granted";
    if (!silent.isEmpty()) {
      message += "; no grant grows until these report their usage: " + String.join(", ", silent);
    }
    if (!forbidden.isEmpty()) {
      message += "; ignored (namespace not allowed): " + String.join(", ", forbidden);
    }
    if (observedFailure != null) {
      message += "; no grant grows until spec.observed answers (" + observedFailure + ")";
    }
    if (limitFailure != null) {
      message += "; spec.maxConnections is used (" + limitFailure + ")";
    }
    Integer unattributed = status.getUnattributedConnections();
    if (unattributed != null && unattributed > 0) {
      message +=
          "; no grant grows while "
              + status.getObservedConnections()
              + " connections are measured, "
              + unattributed
              + " more than the grants account for";
    }
    Conditions.set(
        status.getConditions(),
        ConditionTypes.READY,
        true,
        EventReasons.RECONCILED,
        message,
        gen,
        now);
    if (allocation.overcommitted()) {
      events.warning(
          budget,
          EventReasons.OVERCOMMITTED,
          status.getConditions().stream()
              .filter(c -> ConditionTypes.OVERCOMMITTED.equals(c.getType()))
              .findFirst()
              .get()
              .getMessage());
    }
  }
}
