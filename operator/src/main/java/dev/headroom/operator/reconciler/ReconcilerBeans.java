package dev.headroom.operator.reconciler;

import dev.headroom.engine.DecisionEngine;
import dev.headroom.engine.EngineConfig;
import dev.headroom.engine.band.ProposalBand;
import dev.headroom.engine.budget.BudgetAllocator;
import dev.headroom.engine.budget.BudgetAsk;
import dev.headroom.engine.hpa.ReplicaCalculator;
import dev.headroom.operator.budget.BudgetObserver;
import dev.headroom.operator.budget.ObservedConnections;
import dev.headroom.operator.config.HeadroomConfig;
import dev.headroom.operator.config.Sharding;
import dev.headroom.operator.forecast.PolicyForecaster;
import dev.headroom.operator.metrics.HeadroomMetrics;
import dev.headroom.operator.policy.ConflictDetector;
import dev.headroom.operator.policy.HpaCapper;
import dev.headroom.operator.policy.PolicyActuator;
import dev.headroom.operator.policy.PolicySpecs;
import dev.headroom.operator.policy.RecommendationMemory;
import dev.headroom.operator.policy.SignalReader;
import dev.headroom.operator.prometheus.PrometheusClient;
import dev.headroom.operator.signal.SignalHub;
import dev.headroom.operator.status.EventPublisher;
import dev.headroom.operator.status.StatusWriter;
import dev.headroom.operator.workload.ClusterCache;
import dev.headroom.operator.workload.ScaleWriter;
import dev.headroom.operator.workload.WorkloadReader;
import io.fabric8.kubernetes.client.KubernetesClient;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The collaborators of both reconcilers, wired here and nowhere else; the operator-wide ones
 * (client, clock, Prometheus, signal hub, caches) come from {@code config.OperatorBeans}. Tests
 * call these methods to build the same graph around a mock API server.
 */
public class ReconcilerBeans {

  @Produces
  @Singleton
  public WorkloadReader workloadReader(KubernetesClient client, ClusterCache cache) {
    return new WorkloadReader(client, cache);
  }

  @Produces
  @Singleton
  public HpaCapper hpaCapper(KubernetesClient client) {
    return new HpaCapper(client);
  }

  @Produces
  @Singleton
  public PolicySpecs policySpecs() {
    return new PolicySpecs();
  }

  @Produces
  @Singleton
  public RecommendationMemory recommendations(HeadroomConfig config) {
    return new RecommendationMemory(config.recommendationsPersistPeriod());
  }

  @Produces
  @Singleton
  public PolicyObserver policyObserver(
      KubernetesClient client,
      PolicySpecs specs,
      WorkloadReader reader,
      PrometheusClient prometheus,
      SignalHub hub,
      PolicyForecaster forecaster,
      ClusterCache cache,
      HeadroomConfig config) {
    return new PolicyObserver(
        client,
        specs,
        reader,
        new SignalReader(prometheus, hub),
        forecaster,
        new ConflictDetector(client, cache),
        Sharding.of(config).selector(),
        config.configMapApplyTime());
  }

  @Produces
  @Singleton
  public PolicyDecider policyDecider() {
    return new PolicyDecider(
        new DecisionEngine(), new BudgetAsk(EngineConfig.defaults().tolerance()));
  }

  @Produces
  @Singleton
  public PolicyRound policyRound(
      PolicyObserver observer,
      PolicyDecider decider,
      HpaCapper hpaCapper,
      WorkloadReader reader,
      KubernetesClient client,
      HeadroomConfig config) {
    return new PolicyRound(
        observer, decider, new PolicyActuator(new ScaleWriter(client)), hpaCapper, reader, config);
  }

  @Produces
  @Singleton
  public PolicyMemory policyMemory(
      KubernetesClient client,
      RecommendationMemory recommendations,
      PolicySpecs specs,
      PolicyForecaster forecaster,
      SignalHub hub) {
    // Policy statuses have value equality: cheaper than comparing their JSON every round.
    return new PolicyMemory(
        new StatusWriter(client, Objects::equals), recommendations, specs, forecaster, hub);
  }

  @Produces
  @Singleton
  public RoundWakeups roundWakeups(SignalHub hub, HeadroomMetrics metrics, HeadroomConfig config) {
    NextRound nextRound =
        new NextRound(
            config.syncPeriod(),
            config.resyncPeriod(),
            () -> ThreadLocalRandom.current().nextDouble(),
            new ProposalBand(new ReplicaCalculator(EngineConfig.defaults().tolerance())));
    return new RoundWakeups(hub, nextRound, metrics, config);
  }

  @Produces
  @Singleton
  public BudgetRound budgetRound(
      KubernetesClient client,
      PrometheusClient prometheus,
      EventPublisher events,
      HeadroomMetrics metrics) {
    return new BudgetRound(
        new BudgetObserver(client, new ObservedConnections(prometheus)),
        new BudgetAllocator(),
        events,
        metrics);
  }
}
