package dev.headroom.operator.reconciler;

import dev.headroom.operator.api.v1alpha1.ConnectionBudget;
import dev.headroom.operator.api.v1alpha1.ConnectionBudgetStatus;
import dev.headroom.operator.api.v1alpha1.ScalingPolicy;
import dev.headroom.operator.budget.BudgetOutcome;
import dev.headroom.operator.budget.BudgetStatusDeferral;
import dev.headroom.operator.config.HeadroomConfig;
import dev.headroom.operator.config.Sharding;
import dev.headroom.operator.ids.BudgetId;
import dev.headroom.operator.metrics.HeadroomMetrics;
import dev.headroom.operator.status.EventPublisher;
import dev.headroom.operator.status.StatusWriter;
import dev.headroom.operator.workload.SlimItemStore;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The single authority for a budget's grants: runs its round ({@link BudgetRound}: observe its
 * consumers, decide the allocation and the next two-phase grant step, explain), writes its status
 * and schedules the next round. The status is written with its resourceVersion, so a reconcile that
 * started from a stale view fails and is retried rather than handing out the same connections
 * twice. Every collaborator comes wired from {@link ReconcilerBeans}.
 */
@ControllerConfiguration(
    name = ConnectionBudgetReconciler.NAME,
    informer = @Informer(itemStore = SlimItemStore.class))
public class ConnectionBudgetReconciler implements Reconciler<ConnectionBudget> {

  public static final String NAME = "connectionbudget";
  private static final Logger LOG = Logger.getLogger(ConnectionBudgetReconciler.class);

  private final KubernetesClient client;
  private final BudgetRound round;
  private final HeadroomConfig config;
  private final Clock clock;
  private final EventPublisher events;
  private final HeadroomMetrics metrics;
  private final StatusWriter statusWriter;
  private final BudgetStatusDeferral deferral;
  private InformerEventSource<ScalingPolicy, ConnectionBudget> policies;

  public ConnectionBudgetReconciler(
      KubernetesClient client,
      BudgetRound round,
      HeadroomConfig config,
      Clock clock,
      EventPublisher events,
      HeadroomMetrics metrics) {
    this.client = client;
    this.round = round;
    this.config = config;
    this.clock = clock;
    this.events = events;
    this.metrics = metrics;
    this.statusWriter = new StatusWriter(client, Objects::equals);
    this.deferral = new BudgetStatusDeferral(config.budgetSyncPeriod());
  }

  @Override
  public List<EventSource<?, ConnectionBudget>> prepareEventSources(
      EventSourceContext<ConnectionBudget> context) {
    policies = BudgetEventSources.consumers(context, Sharding.of(config).labelSelector());
    return List.of(policies);
  }

  @Override
  public UpdateControl<ConnectionBudget> reconcile(
      ConnectionBudget cached, Context<ConnectionBudget> context) {
    // The next round reads the grants this one stored, not the copy the informer still holds.
    Consumer<ConnectionBudget> stored = CacheAhead.of(context, cached);
    Duration next =
        reconcile(
            cached,
            policies.byIndex(BudgetEventSources.BY_BUDGET, BudgetId.of(cached).toString()).stream(),
            stored);
    return UpdateControl.<ConnectionBudget>noUpdate().rescheduleAfter(next);
  }

  /** One round on the budget as cached, given the policies that refer to it. */
  Duration reconcile(ConnectionBudget cached, Stream<ScalingPolicy> referring) {
    return reconcile(cached, referring, written -> {});
  }

  /**
   * @param stored receives the budget as the API server stored it, when its status was written
   */
  Duration reconcile(
      ConnectionBudget cached, Stream<ScalingPolicy> referring, Consumer<ConnectionBudget> stored) {
    var timer = metrics.startReconcile();
    try {
      // The round only reads the budget and builds a new status: no copy of the cached one.
      Duration delay = write(cached, round.run(cached, referring, clock.instant()), stored);
      metrics.endReconcile(timer, NAME, "ok");
      return delay;
    } catch (RuntimeException e) {
      metrics.endReconcile(timer, NAME, "error");
      throw e;
    }
  }

  /** A failed round leaves {@code Ready=False} with its cause; grants stay as they are. */
  @Override
  public ErrorStatusUpdateControl<ConnectionBudget> updateErrorStatus(
      ConnectionBudget cached, Context<ConnectionBudget> context, Exception e) {
    failed(cached, e);
    return ErrorStatusUpdateControl.noStatusUpdate();
  }

  void failed(ConnectionBudget cached, Exception e) {
    ConnectionBudgetStatus status =
        cached.getStatus() == null ? new ConnectionBudgetStatus() : cached.getStatus().copy();
    new BudgetOutcome(cached, clock.instant(), events, metrics).failed(e, status);
    try {
      write(cached, new BudgetOutcome.Next(status, false), written -> {});
    } catch (RuntimeException writeFailed) {
      // The API server is failing already; the retry with backoff will report it.
    }
  }

  private Duration write(
      ConnectionBudget budget, BudgetOutcome.Next next, Consumer<ConnectionBudget> stored) {
    ConnectionBudgetStatus before = budget.getStatus();
    // What the PUT sends: its own metadata (the writer sets the resourceVersion), the new status;
    // the spec is only read and stays shared with the cache.
    ConnectionBudget updated = new ConnectionBudget();
    updated.setMetadata(new ObjectMetaBuilder(budget.getMetadata()).build());
    updated.setSpec(budget.getSpec());
    updated.setStatus(next.status());
    // PUT with resourceVersion: a grant step computed from a stale view is refused, never applied.
    // A change of reported fields only (demands under lent ceilings) waits for the next sync.
    Instant now = clock.instant();
    boolean deferred = deferral.defer(budget, next.status(), now);
    StatusWriter.Outcome written =
        deferred
            ? StatusWriter.Outcome.UNCHANGED
            : statusWriter.write(budget, updated, before, next.status(), stored);
    boolean stale = written == StatusWriter.Outcome.STALE;
    if (!deferred && !stale) {
      deferral.stored(budget, now);
    }
    if (LOG.isDebugEnabled()) {
      LOG.debugf("budget %s: write %s, moving %s", BudgetId.of(budget), written, next.moving());
    }
    if (stale) {
      metrics.staleWrite(NAME);
    }
    return stale
        ? StatusWriter.STALE_RETRY
        : next.moving() ? config.transitionPollPeriod() : config.budgetSyncPeriod();
  }
}
