package dev.headroom.operator.reconciler;

import dev.headroom.engine.model.Observation;
import dev.headroom.operator.api.v1alpha1.ScalingPolicy;
import dev.headroom.operator.forecast.ForecastOutcome;
import dev.headroom.operator.ids.BudgetId;
import dev.headroom.operator.policy.BudgetResolution;
import dev.headroom.operator.policy.ConflictDetector;
import dev.headroom.operator.policy.PolicySpecs;
import dev.headroom.operator.policy.SignalReader;
import dev.headroom.operator.pool.PoolDelivery;
import dev.headroom.operator.workload.WorkloadRef;
import dev.headroom.operator.workload.WorkloadSnapshot;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What a policy round observed: every input of its one decision and of acting on it, settled before
 * the engine is asked. {@code snapshot} counts the surge at the replicas the target runs; the
 * decision may need the surge at a larger count ({@link PolicyDecider}).
 */
public record PolicyInputs(
    ScalingPolicy policy,
    PolicySpecs.Mapped mapped,
    WorkloadRef ref,
    GenericKubernetesResource target,
    PoolDelivery delivery,
    WorkloadSnapshot snapshot,
    int poolMax,
    Optional<BudgetResolution> budget,
    Optional<String> growHold,
    SignalReader.Readings readings,
    Optional<ForecastOutcome> forecast,
    Observation observation,
    OptionalLong grant,
    OptionalInt previousAsk,
    ConflictDetector.Conflicts conflicts)
    implements PolicyObserver.Observed {

  /** The budget this policy draws on as status names it, or null without connections. */
  String budgetId() {
    return budget.isEmpty() ? null : BudgetId.referencedBy(policy).orElseThrow().toString();
  }

  /** Why a round stops before deciding: the violations of an invalid spec. */
  record Invalid(List<dev.headroom.engine.validation.Violation> violations)
      implements PolicyObserver.Observed {}

  /** Why a round stops before deciding: a target it cannot read or scale. */
  record Blocked(String reason, String message) implements PolicyObserver.Observed {}
}
