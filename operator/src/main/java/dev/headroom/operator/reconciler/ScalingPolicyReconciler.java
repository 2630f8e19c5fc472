package dev.headroom.operator.reconciler;

import dev.headroom.operator.api.v1alpha1.ScalingPolicy;
import dev.headroom.operator.config.HeadroomConfig;
import dev.headroom.operator.config.Sharding;
import dev.headroom.operator.metrics.HeadroomMetrics;
import dev.headroom.operator.policy.HpaCapper;
import dev.headroom.operator.policy.PolicyOutcome;
import dev.headroom.operator.review.DecisionRecorder;
import dev.headroom.operator.status.ApiServerFailure;
import dev.headroom.operator.status.EventPublisher;
import dev.headroom.operator.status.StatusWriter;
import dev.headroom.operator.workload.ClusterCache;
import dev.headroom.operator.workload.SlimItemStore;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Reconciles one ScalingPolicy: runs its round ({@link PolicyRound}: observe, decide, act within
 * the budget grant, explain), writes its status and schedules the next round. Owns no grant
 * arithmetic: the budget reconciler publishes grants and this reconciler obeys and acknowledges
 * them. Every collaborator comes wired from {@link ReconcilerBeans}.
 */
@ControllerConfiguration(
    name = ScalingPolicyReconciler.NAME,
    informer = @Informer(itemStore = SlimItemStore.class))
public class ScalingPolicyReconciler implements Reconciler<ScalingPolicy>, Cleaner<ScalingPolicy> {

  public static final String NAME = "scalingpolicy";
  private static final Logger LOG = Logger.getLogger(ScalingPolicyReconciler.class);

  private final PolicyRound round;
  private final PolicyMemory memory;
  private final RoundWakeups wakeups;
  private final HpaCapper hpaCapper;
  private final ClusterCache cache;
  private final HeadroomConfig config;
  private final Clock clock;
  private final EventPublisher events;
  private final HeadroomMetrics metrics;
  private final DecisionRecorder recorder;

  public ScalingPolicyReconciler(
      PolicyRound round,
      PolicyMemory memory,
      RoundWakeups wakeups,
      HpaCapper hpaCapper,
      ClusterCache cache,
      HeadroomConfig config,
      Clock clock,
      EventPublisher events,
      HeadroomMetrics metrics,
      DecisionRecorder recorder) {
    this.round = round;
    this.memory = memory;
    this.wakeups = wakeups;
    this.hpaCapper = hpaCapper;
    this.cache = cache;
    this.config = config;
    this.clock = clock;
    this.events = events;
    this.metrics = metrics;
    this.recorder = recorder;
  }

  @Override
  public List<EventSource<?, ScalingPolicy>> prepareEventSources(
      EventSourceContext<ScalingPolicy> context) {
    return PolicyEventSources.of(
        context,
        wakeups.eventSource(),
        cache,
        Sharding.of(config).selector(),
        b -> metrics.forgetBudget(b.getMetadata().getNamespace(), b.getMetadata().getName()));
  }

  @Override
  public UpdateControl<ScalingPolicy> reconcile(
      ScalingPolicy cached, Context<ScalingPolicy> context) {
    // The next round reads the status this one stored, not the copy the informer still holds.
    Consumer<ScalingPolicy> stored = CacheAhead.of(context, cached);
    Duration next = reconcile(cached, PolicyCaches.of(cached, context), stored);
    return UpdateControl.<ScalingPolicy>noUpdate().rescheduleAfter(next);
  }

  /**
   * One round on the policy as cached; returns when the next is due.
   *
   * @param stored receives the policy as the API server stored it, when its status was written
   */
  Duration reconcile(ScalingPolicy cached, PolicyCaches caches, Consumer<ScalingPolicy> stored) {
    var timer = metrics.startReconcile();
    Instant now = clock.instant();
    ScalingPolicy policy = memory.working(cached, now);
    PolicyOutcome out = new PolicyOutcome(policy, now, events, metrics, recorder);
    RoundFacts facts = new RoundFacts();
    ResourceID id = ResourceID.fromResource(cached);
    try {
      Duration planned = round.run(policy, caches, out, facts);
      memory.forgetDeleted(caches.all(), out.now());
      // Status is written here with its resourceVersion; JOSDK only schedules the next round.
      StatusWriter.Outcome written = memory.write(cached, policy, out.now(), stored);
      boolean stale = written == StatusWriter.Outcome.STALE;
      if (stale) {
        metrics.staleWrite(NAME);
      }
      metrics.endReconcile(timer, NAME, stale ? "stale" : "ok");
      if (LOG.isDebugEnabled()) {
        LOG.debugf("round %s: %s, write %s", id, facts.describe(policy.getStatus()), written);
      }
      return wakeups.after(id, facts, stale ? StatusWriter.STALE_RETRY : planned, out.now());
    } catch (RuntimeException e) {
      metrics.endReconcile(timer, NAME, "error");
      throw e;
    }
  }

  /**
   * A deleted policy (held by the finalizer until this returns): an HPA it capped gets its owner's
   * maxReplicas back, and its gauges stop being served. Failing, it is retried.
   */
  @Override
  public DeleteControl cleanup(ScalingPolicy policy, Context<ScalingPolicy> context) {
    String namespace = policy.getMetadata().getNamespace();
    String name = policy.getMetadata().getName();
    hpaCapper
        .restore(namespace, name)
        .forEach(done -> LOG.infof("%s/%s deleted: %s", namespace, name, done));
    metrics.forgetPolicy(namespace, name);
    return DeleteControl.defaultDelete();
  }

  @Override
  public ErrorStatusUpdateControl<ScalingPolicy> updateErrorStatus(
      ScalingPolicy cached, Context<ScalingPolicy> context, Exception e) {
    ScalingPolicy policy = PolicyMemory.copyOf(cached);
    new PolicyOutcome(policy, clock.instant(), events, metrics).failed(e);
    if (ApiServerFailure.of(e)) {
      // A status write now would add to the API server's load and fail the same way; the Event
      // (queued) and the log say why, and the retry with backoff writes the status.
      LOG.debugf("round %s failed at the API server: %s", ResourceID.fromResource(cached), e);
      return ErrorStatusUpdateControl.noStatusUpdate();
    }
    try {
      memory.writeNow(cached, policy);
    } catch (RuntimeException writeFailed) {
      // The API server is failing already; the retry with backoff will report it.
    }
    return ErrorStatusUpdateControl.noStatusUpdate();
  }
}
