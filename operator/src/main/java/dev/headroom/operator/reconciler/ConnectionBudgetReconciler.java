package dev.headroom.operator.reconciler;

import dev.headroom.engine.budget.BudgetAllocation;
import dev.headroom.engine.budget.BudgetAllocator;
import dev.headroom.engine.budget.BudgetSpec;
import dev.headroom.engine.validation.BudgetValidator;
import dev.headroom.engine.validation.Violation;
import dev.headroom.operator.api.v1alpha1.ConnectionBudget;
import dev.headroom.operator.api.v1alpha1.ConnectionBudgetStatus;
import dev.headroom.operator.api.v1alpha1.ConsumerGrant;
import dev.headroom.operator.api.v1alpha1.ConsumerPhase;
import dev.headroom.operator.api.v1alpha1.ScalingPolicy;
import dev.headroom.operator.budget.BudgetAccess;
import dev.headroom.operator.budget.BudgetConsumers;
import dev.headroom.operator.budget.BudgetSpecMapper;
import dev.headroom.operator.budget.BudgetStatusBuilder;
import dev.headroom.operator.budget.ObservedConnections;
import dev.headroom.operator.config.HeadroomConfig;
import dev.headroom.operator.config.Sharding;
import dev.headroom.operator.metrics.HeadroomMetrics;
import dev.headroom.operator.policy.PolicySpecMapper;
import dev.headroom.operator.prometheus.PrometheusClient;
import dev.headroom.operator.status.ApiNames;
import dev.headroom.operator.status.ConditionTypes;
import dev.headroom.operator.status.Conditions;
import dev.headroom.operator.status.EventPublisher;
import dev.headroom.operator.status.EventReasons;
import dev.headroom.operator.status.StatusWriter;
import dev.headroom.operator.workload.SlimItemStore;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The single authority for a budget's grants. From one view of every policy that references the
 * budget it computes the allocation and publishes grants two-phase. The status is written with its
 * resourceVersion, so a reconcile that started from a stale view fails and is retried rather than
 * handing out the same connections twice.
 */
@ControllerConfiguration(
    name = ConnectionBudgetReconciler.NAME,
    informer = @Informer(itemStore = SlimItemStore.class))
public class ConnectionBudgetReconciler implements Reconciler<ConnectionBudget> {

  public static final String NAME = "connectionbudget";
  private static final org.jboss.logging.Logger LOG =
      org.jboss.logging.Logger.getLogger(ConnectionBudgetReconciler.class);
  static final String BY_BUDGET = "byBudget";

  private final KubernetesClient client;
  private final HeadroomConfig config;
  private final Clock clock;
  private final EventPublisher events;
  private final HeadroomMetrics metrics;
  private final StatusWriter statusWriter;
  private final ObservedConnections observed;
  private InformerEventSource<ScalingPolicy, ConnectionBudget> policies;

  public ConnectionBudgetReconciler(
      KubernetesClient client,
      HeadroomConfig config,
      Clock clock,
      EventPublisher events,
      HeadroomMetrics metrics,
      PrometheusClient prometheus) {
    this.client = client;
    this.config = config;
    this.clock = clock;
    this.events = events;
    this.metrics = metrics;
    this.statusWriter = new StatusWriter(client);
    this.observed = new ObservedConnections(prometheus);
  }

  @Override
  public List<EventSource<?, ConnectionBudget>> prepareEventSources(
      EventSourceContext<ConnectionBudget> context) {
    var cfg =
        InformerEventSourceConfiguration.from(ScalingPolicy.class, ConnectionBudget.class)
            .withItemStore(new SlimItemStore<>())
            .withSecondaryToPrimaryMapper((ScalingPolicy p) -> budgetOf(p))
            .withOnUpdateFilter(
                (ScalingPolicy now, ScalingPolicy before) -> budgetRelevantChange(now, before))
            // The consumers the budgets' controller may see: every namespace it watches (all, or
            // the chart's watchNamespaces, whose Roles allow no more) and only its own shard.
            .withLabelSelector(Sharding.of(config).labelSelector())
            .build();
    policies = new InformerEventSource<>(cfg, context);
    // A budget reads its own consumers from an index, not by filtering every policy each round.
    policies.addIndexers(
        Map.of(
            BY_BUDGET,
            p ->
                budgetOf(p).stream()
                    .map(r -> r.getNamespace().orElse("") + "/" + r.getName())
                    .toList()));
    return List.of(policies);
  }

  private static Set<ResourceID> budgetOf(ScalingPolicy p) {
    if (p.getSpec() == null || p.getSpec().getConnections() == null) {
      return Set.of();
    }
    String[] id = PolicySpecMapper.budgetId(p).split("/", 2);
    return Set.of(new ResourceID(id[1], id[0]));
  }

  /** Only what the budget reads from a policy wakes it: spec, demand, surge, ack, bound. */
  static boolean budgetRelevantChange(ScalingPolicy now, ScalingPolicy before) {
    if (!Objects.equals(now.getMetadata().getGeneration(), before.getMetadata().getGeneration())) {
      return true;
    }
    var a = now.getStatus();
    var b = before.getStatus();
    if (a == null || b == null) {
      return a != b;
    }
    return !Objects.equals(a.getRequestedReplicas(), b.getRequestedReplicas())
        || !Objects.equals(a.getMaxSurge(), b.getMaxSurge())
        || !Objects.equals(a.getAcknowledgedGrantSeq(), b.getAcknowledgedGrantSeq())
        || !Objects.equals(a.getInUseBound(), b.getInUseBound());
  }

  @Override
  public UpdateControl<ConnectionBudget> reconcile(
      ConnectionBudget cached, Context<ConnectionBudget> context) {
    var timer = metrics.startReconcile();
    try {
      UpdateControl<ConnectionBudget> result = evaluate(cached);
      metrics.endReconcile(timer, NAME, "ok");
      return result;
    } catch (RuntimeException e) {
      metrics.endReconcile(timer, NAME, "error");
      throw e;
    }
  }

  private UpdateControl<ConnectionBudget> evaluate(ConnectionBudget cached) {
    Instant now = clock.instant();
    ConnectionBudget budget = client.getKubernetesSerialization().clone(cached);
    String id = BudgetSpecMapper.budgetId(budget);
    var spec = budget.getSpec();
    BudgetSpec engineSpec = null;
    List<Violation> violations = new ArrayList<>();
    ObservedConnections.Limit limit = null;
    if (spec == null) {
      // The schema cannot require spec itself; an object without one must not fail every round.
      violations.add(
          new Violation(
              "spec", "Required value: a ConnectionBudget needs a spec with maxConnections"));
    } else {
      limit = observed.limit(spec.getObserved(), spec.getMaxConnections(), now);
      engineSpec = BudgetSpecMapper.toEngine(budget, limit.maxConnections());
      violations.addAll(new BudgetValidator().validate(engineSpec));
      violations.addAll(
          BudgetAccess.violations(spec.getAllowedNamespaces(), spec.getNamespaceSelector()));
    }
    ConnectionBudgetStatus previous =
        budget.getStatus() == null ? new ConnectionBudgetStatus() : budget.getStatus();
    if (!violations.isEmpty()) {
      String message =
          violations.stream()
              .map(v -> v.field() + ": " + v.message())
              .collect(Collectors.joining("; "));
      ConnectionBudgetStatus status = client.getKubernetesSerialization().clone(budget).getStatus();
      Conditions.set(
          status.getConditions(),
          ConditionTypes.READY,
          false,
          EventReasons.INVALID_SPEC,
          "invalid spec, grants are left as they are: " + message,
          budget.getMetadata().getGeneration(),
          now);
      events.warning(budget, EventReasons.INVALID_SPEC, message);
      return write(budget, status, false);
    }

    Map<String, Map<String, String>> labels =
        spec.getNamespaceSelector() == null ? Map.of() : namespaceLabels();
    List<BudgetConsumers> consumers = new ArrayList<>();
    List<String> forbidden = new ArrayList<>();
    for (ScalingPolicy p :
        policies.byIndex(BY_BUDGET, id).stream()
            .filter(p -> BudgetConsumers.refersTo(p, budget))
            .sorted(java.util.Comparator.comparing(PolicySpecMapper::policyId))
            .toList()) {
      if (BudgetConsumers.allowed(p, budget, labels)) {
        consumers.add(BudgetConsumers.of(p));
      } else {
        forbidden.add(PolicySpecMapper.policyId(p));
      }
    }
    BudgetAllocation allocation =
        new BudgetAllocator()
            .allocate(engineSpec, consumers.stream().map(BudgetConsumers::demand).toList());
    ObservedConnections.Reading reading = observed.read(budget.getSpec().getObserved(), now);
    ConnectionBudgetStatus status =
        BudgetStatusBuilder.next(budget, allocation, consumers, reading.measurement());
    status.setMaxConnections(limit.maxConnections());
    String observedFailure = reading.failure();
    conditions(
        budget, status, allocation, consumers, forbidden, observedFailure, limit.failure(), now);
    if (observedFailure != null) {
      events.warning(
          budget,
          EventReasons.METRICS_UNAVAILABLE,
          observedFailure + "; no grant grows until it answers");
    }
    if (limit.failure() != null) {
      events.warning(
          budget,
          EventReasons.METRICS_UNAVAILABLE,
          limit.failure() + "; spec.maxConnections is used");
    }
    announce(budget, previous, status, allocation);
    metrics.budget(
        budget.getMetadata().getNamespace(),
        budget.getMetadata().getName(),
        allocation.available(),
        status.getAllocated(),
        allocation.available() - status.getHeadroom(),
        status.getHeadroom(),
        allocation.overcommitted());
    for (ConsumerGrant g : status.getConsumers()) {
      metrics.consumerGrant(
          budget.getMetadata().getNamespace(),
          budget.getMetadata().getName(),
          g.getPolicy(),
          g.getGrant());
    }
    metrics.budgetConsumers(
        budget.getMetadata().getNamespace(),
        budget.getMetadata().getName(),
        status.getConsumers().stream().map(ConsumerGrant::getPolicy).collect(Collectors.toSet()));
    boolean moving =
        status.getConsumers().stream().anyMatch(g -> g.getPhase() != ConsumerPhase.STABLE);
    return write(budget, status, moving);
  }

  private void conditions(
      ConnectionBudget budget,
      ConnectionBudgetStatus status,
      BudgetAllocation allocation,
      List<BudgetConsumers> consumers,
      List<String> forbidden,
      String observedFailure,
      String limitFailure,
      Instant now) {
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

  private void announce(
      ConnectionBudget budget,
      ConnectionBudgetStatus before,
      ConnectionBudgetStatus after,
      BudgetAllocation allocation) {
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

  private UpdateControl<ConnectionBudget> write(
      ConnectionBudget budget, ConnectionBudgetStatus status, boolean moving) {
    ConnectionBudgetStatus before = budget.getStatus();
    ConnectionBudget updated = client.getKubernetesSerialization().clone(budget);
    updated.setStatus(status);
    // PUT with resourceVersion: a grant step computed from a stale view is refused, never applied.
    StatusWriter.Outcome written = statusWriter.write(budget, updated, before, status);
    boolean stale = written == StatusWriter.Outcome.STALE;
    if (LOG.isDebugEnabled()) {
      LOG.debugf(
          "budget %s/%s: write %s, moving %s",
          budget.getMetadata().getNamespace(), budget.getMetadata().getName(), written, moving);
    }
    if (stale) {
      metrics.staleWrite(NAME);
    }
    return UpdateControl.<ConnectionBudget>noUpdate()
        .rescheduleAfter(
            stale
                ? StatusWriter.STALE_RETRY
                : moving ? config.transitionPollPeriod() : config.budgetSyncPeriod());
  }

  private Map<String, Map<String, String>> namespaceLabels() {
    Map<String, Map<String, String>> out = new HashMap<>();
    client
        .namespaces()
        .list()
        .getItems()
        .forEach(
            ns ->
                out.put(
                    ns.getMetadata().getName(),
                    ns.getMetadata().getLabels() == null
                        ? Map.of()
                        : ns.getMetadata().getLabels()));
    return out;
  }
}
