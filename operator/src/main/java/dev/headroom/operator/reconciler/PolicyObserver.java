package dev.headroom.operator.reconciler;

import dev.headroom.engine.model.Observation;
import dev.headroom.engine.validation.Violation;
import dev.headroom.operator.api.v1alpha1.ConnectionBudget;
import dev.headroom.operator.api.v1alpha1.ScalingPolicy;
import dev.headroom.operator.config.ShardSelector;
import dev.headroom.operator.forecast.ForecastOutcome;
import dev.headroom.operator.forecast.PolicyForecaster;
import dev.headroom.operator.policy.BudgetOverLimit;
import dev.headroom.operator.policy.BudgetResolution;
import dev.headroom.operator.policy.ConflictDetector;
import dev.headroom.operator.policy.PolicyRivals;
import dev.headroom.operator.policy.PolicySpecs;
import dev.headroom.operator.policy.SignalReader;
import dev.headroom.operator.policy.TargetProblem;
import dev.headroom.operator.pool.PoolDeliveries;
import dev.headroom.operator.pool.PoolDelivery;
import dev.headroom.operator.status.EventReasons;
import dev.headroom.operator.workload.WorkloadReader;
import dev.headroom.operator.workload.WorkloadRef;
import dev.headroom.operator.workload.WorkloadSnapshot;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The first step of a policy round: reads everything its decision depends on (spec, target, pods
 * and pools, budget and grant, load, forecast, other autoscalers) and changes nothing. A round that
 * cannot decide (invalid spec, a target it cannot read or scale) stops here.
 */
public final class PolicyObserver {

  /** What observing found: {@link PolicyInputs}, or why the round stops before deciding. */
  public sealed interface Observed
      permits PolicyInputs, PolicyInputs.Invalid, PolicyInputs.Blocked {}

  private final KubernetesClient client;
  private final PolicySpecs specs;
  private final WorkloadReader reader;
  private final SignalReader signals;
  private final PolicyForecaster forecaster;
  private final ConflictDetector conflicts;
  private final Optional<ShardSelector> shard;
  private final Duration configMapApplyTime;

  public PolicyObserver(
      KubernetesClient client,
      PolicySpecs specs,
      WorkloadReader reader,
      SignalReader signals,
      PolicyForecaster forecaster,
      ConflictDetector conflicts,
      Optional<ShardSelector> shard,
      Duration configMapApplyTime) {
    this.client = client;
    this.specs = specs;
    this.reader = reader;
    this.signals = signals;
    this.forecaster = forecaster;
    this.conflicts = conflicts;
    this.shard = shard;
    this.configMapApplyTime = configMapApplyTime;
  }

  public Observed observe(ScalingPolicy policy, PolicyCaches caches, Instant now) {
    if (policy.getSpec() == null) {
      // The schema cannot require spec itself; an object without one must not fail every round.
      return new PolicyInputs.Invalid(
          List.of(
              new Violation(
                  "spec",
                  "Required value: a ScalingPolicy needs a spec with targetRef, replicas and load")));
    }
    PolicySpecs.Mapped mapped = specs.of(policy);
    if (!mapped.valid()) {
      return new PolicyInputs.Invalid(mapped.violations());
    }
    WorkloadRef ref =
        WorkloadRef.of(policy.getMetadata().getNamespace(), policy.getSpec().getTargetRef());
    Optional<GenericKubernetesResource> target;
    try {
      target = reader.target(ref);
    } catch (KubernetesClientException e) {
      return blocked(TargetProblem.reading(ref, e), e);
    }
    if (target.isEmpty()) {
      return new PolicyInputs.Blocked(
          EventReasons.TARGET_NOT_FOUND, "spec.targetRef: " + ref + " does not exist");
    }
    var connections = policy.getSpec().getConnections();
    PoolDelivery delivery =
        connections == null
            ? null
            : PoolDeliveries.of(
                client,
                policy.getMetadata().getNamespace(),
                connections.getDelivery(),
                now,
                configMapApplyTime);
    WorkloadSnapshot snap;
    try {
      snap =
          reader.read(
              ref, target.get(), delivery, connections == null ? null : connections.getMaxSurge());
    } catch (KubernetesClientException e) {
      return blocked(TargetProblem.scaling(ref, e), e);
    }
    Optional<BudgetResolution> budget = Optional.empty();
    Optional<String> growHold = Optional.empty();
    if (connections != null) {
      Optional<ConnectionBudget> budgetResource = caches.budget().get();
      budget = Optional.of(BudgetResolution.resolve(client, policy, budgetResource, shard));
      growHold = BudgetOverLimit.growHold(budgetResource);
    }
    SignalReader.Readings readings = signals.read(policy.getSpec().getLoad(), now);
    Optional<ForecastOutcome> forecast =
        forecaster.forecast(policy, mapped.withSurge(snap.maxSurge()), snap.specReplicas(), now);
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
    var status = policy.getStatus();
    OptionalInt previousAsk =
        status == null || status.getRequestedReplicas() == null
            ? OptionalInt.empty()
            : OptionalInt.of(status.getRequestedReplicas());
    // Older valid policies on the same workload are conflicts like an HPA: only the oldest acts.
    var found = conflicts.find(ref).with(PolicyRivals.olderThan(policy, caches.sameTarget().get()));
    return new PolicyInputs(
        policy,
        mapped,
        ref,
        target.get(),
        delivery,
        snap,
        connections == null ? 0 : connections.getPoolSize().getMax(),
        budget,
        growHold,
        readings,
        forecast,
        observation,
        grant,
        previousAsk,
        found);
  }

  private static PolicyInputs.Blocked blocked(
      Optional<TargetProblem> problem, KubernetesClientException e) {
    if (problem.isEmpty()) {
      throw e;
    }
    return new PolicyInputs.Blocked(problem.get().reason(), problem.get().message());
  }
}
