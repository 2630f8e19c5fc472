package dev.headroom.operator.reconciler;

import dev.headroom.engine.DecisionEngine;
import dev.headroom.engine.EngineConfig;
import dev.headroom.engine.band.ProposalBand;
import dev.headroom.engine.budget.BudgetAsk;
import dev.headroom.engine.hpa.ReplicaCalculator;
import dev.headroom.engine.model.Decision;
import dev.headroom.engine.model.Observation;
import dev.headroom.engine.model.PolicySpec;
import dev.headroom.engine.validation.Violation;
import dev.headroom.operator.api.v1alpha1.ConnectionBudget;
import dev.headroom.operator.api.v1alpha1.Ownership;
import dev.headroom.operator.api.v1alpha1.PolicyMode;
import dev.headroom.operator.api.v1alpha1.ScalingPolicy;
import dev.headroom.operator.config.HeadroomConfig;
import dev.headroom.operator.config.Sharding;
import dev.headroom.operator.forecast.ForecastOutcome;
import dev.headroom.operator.forecast.PolicyForecaster;
import dev.headroom.operator.metrics.HeadroomMetrics;
import dev.headroom.operator.policy.Actuation;
import dev.headroom.operator.policy.BudgetOverLimit;
import dev.headroom.operator.policy.BudgetResolution;
import dev.headroom.operator.policy.ConflictDetector;
import dev.headroom.operator.policy.HpaCapper;
import dev.headroom.operator.policy.PolicyActuator;
import dev.headroom.operator.policy.PolicyOutcome;
import dev.headroom.operator.policy.PolicyRivals;
import dev.headroom.operator.policy.PolicySpecMapper;
import dev.headroom.operator.policy.PolicySpecs;
import dev.headroom.operator.policy.RecommendationMemory;
import dev.headroom.operator.policy.SignalReader;
import dev.headroom.operator.policy.TargetProblem;
import dev.headroom.operator.pool.PoolDeliveries;
import dev.headroom.operator.pool.PoolDelivery;
import dev.headroom.operator.prometheus.PrometheusClient;
import dev.headroom.operator.review.DecisionRecorder;
import dev.headroom.operator.signal.PolicyWakeups;
import dev.headroom.operator.signal.SignalHub;
import dev.headroom.operator.status.EventPublisher;
import dev.headroom.operator.status.EventReasons;
import dev.headroom.operator.status.StatusWriter;
import dev.headroom.operator.workload.ClusterCache;
import dev.headroom.operator.workload.ScaleWriter;
import dev.headroom.operator.workload.SlimItemStore;
import dev.headroom.operator.workload.WorkloadReader;
import dev.headroom.operator.workload.WorkloadRef;
import dev.headroom.operator.workload.WorkloadSnapshot;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
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
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Reconciles one ScalingPolicy: observe the target and its load, ask the engine, act within the
 * budget grant, and explain. Owns no grant arithmetic: the budget reconciler publishes grants and
 * this reconciler obeys and acknowledges them.
 */
@ControllerConfiguration(
    name = ScalingPolicyReconciler.NAME,
    informer = @Informer(itemStore = SlimItemStore.class))
public class ScalingPolicyReconciler implements Reconciler<ScalingPolicy>, Cleaner<ScalingPolicy> {

  public static final String NAME = "scalingpolicy";
  private static final Logger LOG = Logger.getLogger(ScalingPolicyReconciler.class);
  static final String BY_BUDGET = "byBudget";
  static final String BY_TARGET = "byTarget";

  private final KubernetesClient client;
  private final HeadroomConfig config;
  private final Clock clock;
  private final EventPublisher events;
  private final HeadroomMetrics metrics;
  private final DecisionRecorder recorder;
  private final DecisionEngine engine = new DecisionEngine();
  private final BudgetAsk budgetAsk = new BudgetAsk(EngineConfig.defaults().tolerance());
  private final WorkloadReader reader;
  private final PolicyActuator actuator;
  private final ConflictDetector conflicts;
  private final SignalReader signals;
  private final HpaCapper hpaCapper;
  private final StatusWriter statusWriter;
  private final PolicyForecaster forecaster;
  private final RecommendationMemory recommendations;
  private final ClusterCache cache;
  private final SignalHub hub;
  private final PolicySpecs specs = new PolicySpecs();
  private final NextRound nextRound;
  private final Optional<dev.headroom.operator.config.ShardSelector> shard;
  private PolicyWakeups wakeups;
  private volatile Instant nextForget;
  private static final Duration FORGET_PERIOD = Duration.ofMinutes(1);

  public ScalingPolicyReconciler(
      KubernetesClient client,
      HeadroomConfig config,
      Clock clock,
      EventPublisher events,
      HeadroomMetrics metrics,
      PrometheusClient prometheus,
      PolicyForecaster forecaster,
      ClusterCache cache,
      SignalHub hub,
      DecisionRecorder recorder) {
    this.client = client;
    this.config = config;
    this.clock = clock;
    this.events = events;
    this.metrics = metrics;
    this.recorder = recorder;
    this.reader = new WorkloadReader(client, cache);
    this.actuator = new PolicyActuator(new ScaleWriter(client));
    this.conflicts = new ConflictDetector(client, cache);
    this.signals = new SignalReader(prometheus, hub);
    this.cache = cache;
    this.hub = hub;
    this.nextRound =
        new NextRound(
            config.syncPeriod(),
            config.resyncPeriod(),
            () -> ThreadLocalRandom.current().nextDouble(),
            new ProposalBand(new ReplicaCalculator(EngineConfig.defaults().tolerance())));
    this.hpaCapper = new HpaCapper(client);
    this.shard = Sharding.of(config).selector();
    this.statusWriter = new StatusWriter(client, java.util.Objects::equals);
    this.forecaster = forecaster;
    this.recommendations = new RecommendationMemory(config.recommendationsPersistPeriod());
  }

  @Override
  public List<EventSource<?, ScalingPolicy>> prepareEventSources(
      EventSourceContext<ScalingPolicy> context) {
    context
        .getPrimaryCache()
        .addIndexer(
            BY_BUDGET,
            p ->
                p.getSpec() == null || p.getSpec().getConnections() == null
                    ? List.of()
                    : List.of(PolicySpecMapper.budgetId(p)));
    context
        .getPrimaryCache()
        .addIndexer(
            BY_TARGET,
            p ->
                p.getSpec() == null || p.getSpec().getTargetRef() == null
                    ? List.of()
                    : List.of(targetKey(p)));
    wakeups = new PolicyWakeups(hub, config.signals().tick());
    // A target's replicas, generation or status changed (pods ready, a rollout progressing, a
    // kubectl scale): its policies run a round now rather than at their next sync.
    cache.onTargetChange(
        ref ->
            context
                .getPrimaryCache()
                .byIndex(BY_TARGET, ref.namespace() + "/" + ref.kind() + "/" + ref.name())
                .forEach(p -> wakeups.wake(ResourceID.fromResource(p))));
    var budgets =
        InformerEventSourceConfiguration.from(ConnectionBudget.class, ScalingPolicy.class)
            .withItemStore(new SlimItemStore<>())
            .withSecondaryToPrimaryMapper(
                new GrantChanges(
                        budgetId ->
                            context.getPrimaryCache().byIndex(BY_BUDGET, budgetId).stream()
                                .map(ResourceID::fromResource)
                                .collect(Collectors.toSet()))
                    ::toWake)
            .withPrimaryToSecondaryMapper(
                (ScalingPolicy p) -> {
                  if (p.getSpec() == null || p.getSpec().getConnections() == null) {
                    return Set.of();
                  }
                  String[] id = PolicySpecMapper.budgetId(p).split("/", 2);
                  return Set.of(new ResourceID(id[1], id[0]));
                })
            // Only this shard's budgets (see config.Sharding).
            .withLabelSelector(shard.map(Object::toString).orElse(null))
            .build();
    return List.of(new InformerEventSource<>(budgets, context), wakeups);
  }

  /** A policy's target as the workload caches name it: namespace, kind and name (any version). */
  static String targetKey(ScalingPolicy p) {
    return p.getMetadata().getNamespace()
        + "/"
        + p.getSpec().getTargetRef().getKind()
        + "/"
        + p.getSpec().getTargetRef().getName();
  }

  @Override
  public UpdateControl<ScalingPolicy> reconcile(
      ScalingPolicy cached, Context<ScalingPolicy> context) {
    var timer = metrics.startReconcile();
    ScalingPolicy policy = working(cached);
    recommendations.restore(cached, policy);
    PolicyOutcome out = new PolicyOutcome(policy, clock.instant(), events, metrics, recorder);
    RoundFacts facts = new RoundFacts();
    ResourceID id = ResourceID.fromResource(cached);
    try {
      UpdateControl<ScalingPolicy> result = evaluate(policy, context, out, facts);
      forgetDeleted(context, out.now());
      boolean deferred = recommendations.defer(cached, policy, out.now());
      StatusWriter.Outcome written =
          deferred
              ? StatusWriter.Outcome.UNCHANGED
              : statusWriter.write(cached, policy, cached.getStatus(), policy.getStatus());
      if (!deferred && written != StatusWriter.Outcome.STALE) {
        recommendations.persisted(cached, out.now());
      }
      if (written == StatusWriter.Outcome.STALE) {
        metrics.staleWrite(NAME);
      }
      metrics.endReconcile(timer, NAME, written == StatusWriter.Outcome.STALE ? "stale" : "ok");
      // Status is written here with its resourceVersion; JOSDK only schedules the next round.
      Duration planned =
          written == StatusWriter.Outcome.STALE
              ? StatusWriter.STALE_RETRY
              : Duration.ofMillis(result.getScheduleDelay().orElse(config.syncPeriod().toMillis()));
      afterRound(id, facts, out.now());
      if (LOG.isDebugEnabled()) {
        LOG.debugf(
            "round %s: desired %s, requested %s, grant %s, actions %s, waiting %s, write %s",
            id,
            facts.decision == null ? "-" : facts.decision.desiredReplicas(),
            policy.getStatus() == null ? "-" : policy.getStatus().getRequestedReplicas(),
            policy.getStatus() == null ? "-" : policy.getStatus().getGrant(),
            facts.actuation == null ? "-" : facts.actuation.actions(),
            facts.actuation == null ? "-" : facts.actuation.waiting().orElse("-"),
            written);
      }
      return UpdateControl.<ScalingPolicy>noUpdate()
          .rescheduleAfter(nextRound.delay(facts, planned, out.now()));
    } catch (RuntimeException e) {
      metrics.endReconcile(timer, NAME, "error");
      throw e;
    }
  }

  /**
   * What wakes the policy from now on (its shared signals' bands), and the latency of a scale write
   * caused by a load value.
   */
  private void afterRound(ResourceID id, RoundFacts facts, Instant now) {
    if (facts.decision == null) {
      hub.forget(id);
      return;
    }
    hub.watch(id, nextRound.watches(facts));
    if (facts.scaled()) {
      hub.acted(id).ifPresent(seen -> metrics.signalToScale(Duration.between(seen, now)));
    } else if (facts.settled()) {
      hub.settled(id);
    }
  }

  private UpdateControl<ScalingPolicy> evaluate(
      ScalingPolicy policy, Context<ScalingPolicy> context, PolicyOutcome out, RoundFacts facts) {
    Instant now = out.now();
    if (policy.getSpec() == null) {
      // The schema cannot require spec itself; an object without one must not fail every round.
      return out.invalid(
          List.of(
              new Violation(
                  "spec",
                  "Required value: a ScalingPolicy needs a spec with targetRef, replicas and load")));
    }
    PolicySpecs.Mapped mapped = specs.of(policy);
    if (!mapped.valid()) {
      return out.invalid(mapped.violations());
    }
    PolicySpec spec;
    WorkloadRef ref =
        WorkloadRef.of(policy.getMetadata().getNamespace(), policy.getSpec().getTargetRef());
    Optional<GenericKubernetesResource> target;
    try {
      target = reader.target(ref);
    } catch (KubernetesClientException e) {
      Optional<TargetProblem> problem = TargetProblem.reading(ref, e);
      if (problem.isEmpty()) {
        throw e;
      }
      return out.blocked(problem.get().reason(), problem.get().message(), config.syncPeriod());
    }
    if (target.isEmpty()) {
      return out.blocked(
          EventReasons.TARGET_NOT_FOUND,
          "spec.targetRef: " + ref + " does not exist",
          config.syncPeriod());
    }
    var connections = policy.getSpec().getConnections();
    PoolDelivery delivery =
        connections == null
            ? null
            : PoolDeliveries.of(
                client, policy.getMetadata().getNamespace(), connections.getDelivery());
    WorkloadSnapshot snap;
    try {
      snap =
          reader.read(
              ref, target.get(), delivery, connections == null ? null : connections.getMaxSurge());
    } catch (KubernetesClientException e) {
      Optional<TargetProblem> problem = TargetProblem.scaling(ref, e);
      if (problem.isEmpty()) {
        throw e;
      }
      return out.blocked(problem.get().reason(), problem.get().message(), config.syncPeriod());
    }
    int poolMax = connections == null ? 0 : connections.getPoolSize().getMax();
    out.observed(snap, poolMax);

    Optional<BudgetResolution> budget = Optional.empty();
    Optional<String> growHold = Optional.empty();
    if (connections != null) {
      Optional<ConnectionBudget> budgetResource =
          context.getSecondaryResource(ConnectionBudget.class);
      budget = Optional.of(BudgetResolution.resolve(client, policy, budgetResource, shard));
      growHold = BudgetOverLimit.growHold(budgetResource);
    }
    SignalReader.Readings readings = signals.read(policy.getSpec().getLoad(), now);
    spec = mapped.withSurge(snap.maxSurge());
    facts.loadSpec = policy.getSpec().getLoad();
    facts.readings = readings;
    facts.forecastEnabled = spec.forecast().map(f -> f.enabled()).orElse(false);
    Optional<ForecastOutcome> forecast =
        forecaster.forecast(policy, spec, snap.specReplicas(), now);
    out.forecast(forecast);
    Observation observation =
        new Observation(
            now,
            snap.specReplicas(),
            snap.readyReplicas(),
            readings.signals(),
            readings.concurrency(),
            forecast.map(ForecastOutcome::replicas).orElse(OptionalInt.empty()),
            OptionalInt.empty());
    OptionalLong grant =
        budget
            .flatMap(BudgetResolution::grant)
            .map(g -> OptionalLong.of(g.connections()))
            .orElse(OptionalLong.empty());
    if (grant.isPresent()) {
      observation = observation.withGrant((int) Math.min(Integer.MAX_VALUE, grant.getAsLong()));
    }
    OptionalInt previousAsk =
        policy.getStatus() == null || policy.getStatus().getRequestedReplicas() == null
            ? OptionalInt.empty()
            : OptionalInt.of(policy.getStatus().getRequestedReplicas());
    Decision decision = engine.decide(spec, observation, out.history());
    // The budget's demand is what the load asks within bounds: not rate-limited, not capped,
    // so identical services ask alike whatever they run now (BudgetAsk: no flapping when the
    // tolerance band sits around a capped count).
    int requested = budgetAsk.replicas(decision, spec.replicas(), previousAsk);
    // A percentage surge grows with the replica count: fit the grant with the surge of the
    // largest count in play. A larger surge only lowers the decision, so one more pass is enough.
    int surge =
        snap.surgeAt(
            Math.max(snap.specReplicas(), Math.max(requested, decision.desiredReplicas())));
    if (surge > snap.maxSurge()) {
      snap = snap.withMaxSurge(surge);
      out.observed(snap, poolMax);
      spec = mapped.withSurge(snap.maxSurge());
      decision = engine.decide(spec, observation, out.history());
    }
    facts.spec = spec;
    facts.snapshot = snap;
    facts.decision = decision;
    if (!spec.schedules().isEmpty()) {
      facts.schedules = decision.schedules();
      out.schedules(facts.schedules);
    }
    // Older valid policies on the same workload are conflicts like an HPA: only the oldest acts.
    var found =
        conflicts
            .find(ref)
            .with(
                PolicyRivals.olderThan(
                    policy,
                    context.getPrimaryCache().byIndex(BY_TARGET, targetKey(policy)).stream()));
    boolean capOnly = policy.getSpec().getOwnership() == Ownership.CAP_HPA;
    out.decided(
        decision,
        requested,
        readings,
        found,
        capOnly,
        budget.map(b -> PolicySpecMapper.budgetId(policy)).orElse(null),
        grant);

    if (budget.isPresent() && !budget.get().usable()) {
      return out.blocked(budget.get().reason(), budget.get().message(), config.syncPeriod());
    }
    if (policy.getSpec().getMode() == PolicyMode.DRY_RUN) {
      facts.dryRun = true;
      return out.dryRun(budget.flatMap(BudgetResolution::grant), config.syncPeriod());
    }
    if (capOnly) {
      if (!found.rivals().isEmpty()) {
        return out.blocked(
            EventReasons.CONFLICTING_AUTOSCALER,
            "spec.targetRef: "
                + String.join(", ", found.rivals())
                + " already targets "
                + ref
                + "; only the oldest policy on a workload acts, this one changes nothing",
            config.syncPeriod());
      }
      if (found.hpa().isEmpty()) {
        return out.blocked(
            EventReasons.NO_HPA_TO_CAP,
            "ownership CapHpa but no HorizontalPodAutoscaler targets " + ref,
            config.syncPeriod());
      }
      if (grant.isEmpty()) {
        return out.blocked(
            EventReasons.NOTHING_TO_CAP,
            "ownership CapHpa needs connections and a grant to cap "
                + "the HorizontalPodAutoscaler by",
            config.syncPeriod());
      }
      if (out.nothingRecorded()) {
        return out.firstObserved(config.transitionPollPeriod());
      }
      // Lowering the HPA's max is a scale-in: size for at least what runs now, so that missing
      // or early data never caps the HPA below its current replicas (only the grant can).
      var pool =
          HpaCapper.pool(
              grant.getAsLong(),
              Math.max(requested, snap.specReplicas()),
              connections.getPoolSize().getMin(),
              poolMax,
              snap.maxSurge());
      // Counted at the largest pool in play: a pool shrink lets the cap rise only once rolled out.
      String capped =
          hpaCapper.cap(
              found.hpa().get(),
              policy.getMetadata().getName(),
              policy.getSpec().getReplicas().getMax(),
              grant.getAsLong(),
              HpaCapper.poolInPlay(pool.pool(), snap, poolMax),
              snap.maxSurge());
      WorkloadSnapshot observed = snap;
      Optional<String> hold = growHold;
      Actuation applied =
          act(
              ref,
              target.get(),
              () ->
                  actuator.apply(
                      observed,
                      target.get(),
                      delivery,
                      observed.specReplicas(),
                      OptionalInt.of(pool.pool()),
                      grant,
                      poolMax,
                      hold));
      facts.actuation = applied;
      return out.applied(
          applied,
          budget.flatMap(BudgetResolution::grant),
          capped,
          config.syncPeriod(),
          config.transitionPollPeriod());
    }
    if (found.any()) {
      return out.blocked(
          EventReasons.CONFLICTING_AUTOSCALER,
          String.join(", ", found.owners())
              + " also scale "
              + ref
              + "; Headroom leaves replicas alone",
          config.syncPeriod());
    }
    if (out.nothingRecorded()) {
      return out.firstObserved(config.transitionPollPeriod());
    }
    WorkloadSnapshot observed = snap;
    Decision decided = decision;
    Optional<String> hold = growHold;
    Actuation actuation =
        act(
            ref,
            target.get(),
            () ->
                actuator.apply(
                    observed,
                    target.get(),
                    delivery,
                    decided.desiredReplicas(),
                    decided.poolSize(),
                    grant,
                    poolMax,
                    hold));
    facts.actuation = actuation;
    return out.applied(
        actuation,
        budget.flatMap(BudgetResolution::grant),
        null,
        config.syncPeriod(),
        config.transitionPollPeriod());
  }

  /**
   * The copy a round changes: its own metadata and a deep copy of the status; the spec is only read
   * and stays shared with the cache (a JSON round trip of the whole policy cost more than the rest
   * of a steady round).
   */
  static ScalingPolicy working(ScalingPolicy cached) {
    ScalingPolicy policy = new ScalingPolicy();
    policy.setMetadata(
        new io.fabric8.kubernetes.api.model.ObjectMetaBuilder(cached.getMetadata()).build());
    policy.setSpec(cached.getSpec());
    policy.setStatus(cached.getStatus() == null ? null : cached.getStatus().copy());
    return policy;
  }

  /** Applies, and tells the cache when the target may have changed (also when writing failed). */
  private Actuation act(
      WorkloadRef ref, GenericKubernetesResource target, Supplier<Actuation> apply) {
    try {
      Actuation a = apply.get();
      if (a.changed()) {
        reader.written(ref, target);
      }
      return a;
    } catch (RuntimeException e) {
      reader.written(ref, target);
      throw e;
    }
  }

  /**
   * Drops what is kept in memory for deleted policies (forecast history, recommendations). The
   * informer's cache lists the live ones; listing it costs O(policies), so at most once a minute.
   */
  private void forgetDeleted(Context<ScalingPolicy> context, Instant now) {
    Instant due = nextForget;
    if (due != null && now.isBefore(due)) {
      return;
    }
    nextForget = now.plus(FORGET_PERIOD);
    Set<String> live =
        context
            .getPrimaryCache()
            .list()
            .map(p -> p.getMetadata().getUid())
            .collect(Collectors.toSet());
    forecaster.retain(live);
    recommendations.retain(live);
    specs.retain(live);
    hub.retain(
        context.getPrimaryCache().list().map(ResourceID::fromResource).collect(Collectors.toSet()));
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
    ScalingPolicy policy = working(cached);
    new PolicyOutcome(policy, clock.instant(), events, metrics).failed(e);
    try {
      statusWriter.write(cached, policy, cached.getStatus(), policy.getStatus());
    } catch (RuntimeException writeFailed) {
      // The API server is failing already; the retry with backoff will report it.
    }
    return ErrorStatusUpdateControl.noStatusUpdate();
  }
}
