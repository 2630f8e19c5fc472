package dev.headroom.operator.budget;

import dev.headroom.engine.budget.BudgetAllocation;
import dev.headroom.engine.validation.Violation;
import dev.headroom.operator.api.v1alpha1.ConnectionBudget;
import dev.headroom.operator.api.v1alpha1.ConnectionBudgetStatus;
import dev.headroom.operator.api.v1alpha1.ConsumerGrant;
import dev.headroom.operator.api.v1alpha1.ConsumerPhase;
import dev.headroom.operator.metrics.HeadroomMetrics;
import dev.headroom.operator.status.ApiNames;
import dev.headroom.operator.status.ConditionTypes;
import dev.headroom.operator.status.Conditions;
import dev.headroom.operator.status.EventPublisher;
import dev.headroom.operator.status.EventReasons;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Everything one reconcile tells about a budget: its next status and conditions, Events and
 * metrics, and whether grants are still moving (then the next round comes sooner). A round that
 * fails says so in status too ({@link #failed}), not only in the log.
 */
public final class BudgetOutcome {

  /** The status to write, and whether a grant is still on its way (shrink, confirm or grow). */
  public record Next(ConnectionBudgetStatus status, boolean moving) {}

  private final ConnectionBudget budget;
  private final Instant now;
  private final EventPublisher events;
  private final HeadroomMetrics metrics;

  public BudgetOutcome(
      ConnectionBudget budget, Instant now, EventPublisher events, HeadroomMetrics metrics) {
    this.budget = budget;
    this.now = now;
    this.events = events;
    this.metrics = metrics;
  }

  /** An invalid spec: grants stay as they are; {@code status} is a copy of the current one. */
  public Next invalid(List<Violation> violations, ConnectionBudgetStatus status) {
    String message =
        violations.stream()
            .map(v -> v.field() + ": " + v.message())
            .collect(Collectors.joining("; "));
    Conditions.set(
        status.getConditions(),
        ConditionTypes.READY,
        false,
        EventReasons.INVALID_SPEC,
        "invalid spec, grants are left as they are: " + message,
        budget.getMetadata().getGeneration(),
        now);
    events.warning(budget, EventReasons.INVALID_SPEC, message);
    return new Next(status, false);
  }

  /** The round's new grants ({@code status}, from {@link BudgetStatusBuilder}) explained. */
  public Next granted(
      BudgetObserver.Inputs in, BudgetAllocation allocation, ConnectionBudgetStatus status) {
    ConnectionBudgetStatus previous =
        budget.getStatus() == null ? new ConnectionBudgetStatus() : budget.getStatus();
    status.setMaxConnections(in.limit().maxConnections());
    String observedFailure = in.reading().failure();
    BudgetConditions.set(
        budget,
        status,
        allocation,
        in.consumers(),
        in.forbidden(),
        observedFailure,
        in.limit().failure(),
        now,
        events);
    if (observedFailure != null) {
      events.warning(
          budget,
          EventReasons.METRICS_UNAVAILABLE,
          observedFailure + "; no grant grows until it answers");
    }
    if (in.limit().failure() != null) {
      events.warning(
          budget,
          EventReasons.METRICS_UNAVAILABLE,
          in.limit().failure() + "; spec.maxConnections is used");
    }
    announce(previous, status, allocation);
    String ns = budget.getMetadata().getNamespace();
    String name = budget.getMetadata().getName();
    metrics.budget(
        ns,
        name,
        allocation.available(),
        status.getAllocated(),
        allocation.available() - status.getHeadroom(),
        status.getHeadroom(),
        allocation.overcommitted());
    for (ConsumerGrant g : status.getConsumers()) {
      metrics.consumerGrant(ns, name, g.getPolicy(), g.getGrant());
    }
    metrics.budgetConsumers(
        ns,
        name,
        status.getConsumers().stream().map(ConsumerGrant::getPolicy).collect(Collectors.toSet()));
    return new Next(
        status, status.getConsumers().stream().anyMatch(g -> g.getPhase() != ConsumerPhase.STABLE));
  }

  /**
   * A round that failed (the API server refused a read, Prometheus threw): {@code Ready=False} with
   * the cause on {@code status} (a copy of the current one), grants left as they are.
   */
  public ConnectionBudgetStatus failed(Exception e, ConnectionBudgetStatus status) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    Conditions.set(
        status.getConditions(),
        ConditionTypes.READY,
        false,
        EventReasons.API_ERROR,
        "reconcile failed, retrying with backoff; grants are left as they are: " + message,
        budget.getMetadata().getGeneration(),
        now);
    events.warning(budget, EventReasons.API_ERROR, message);
    return status;
  }

  private void announce(
      ConnectionBudgetStatus before, ConnectionBudgetStatus after, BudgetAllocation allocation) {
    Map<String, Integer> old = new HashMap<>();
    for (ConsumerGrant g : before.getConsumers()) {
      old.put(g.getPolicy(), g.getGrant());
    }
    List<String> changes = new ArrayList<>();
    for (ConsumerGrant g : after.getConsumers()) {
      Integer was = old.get(g.getPolicy());
      if (!Objects.equals(was, g.getGrant())) {
        changes.add(
            g.getPolicy()
                + " "
                + (was == null ? "-" : was)
                + " → "
                + g.getGrant()
                + " ("
                + ApiNames.of(g.getPhase())
                + ")");
      }
    }
    if (!changes.isEmpty()) {
      events.normal(
          budget,
          EventReasons.GRANTS_UPDATED,
          String.join(", ", changes)
              + "; "
              + after.getAllocated()
              + "/"
              + allocation.available()
              + " granted");
    }
  }
}
