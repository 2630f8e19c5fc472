package dev.headroom.operator.budget;

import dev.headroom.engine.budget.ConsumerDemand;
import dev.headroom.engine.model.ApiDefaults;
import dev.headroom.operator.api.v1alpha1.ConnectionBudget;
import dev.headroom.operator.api.v1alpha1.ScalingPolicy;
import dev.headroom.operator.api.v1alpha1.ScalingPolicyStatus;
import dev.headroom.operator.ids.BudgetId;
import dev.headroom.operator.ids.PolicyId;
import java.util.Map;
import java.util.OptionalLong;

/** A policy as its budget sees it: what it asks for and what it reported. */
public record BudgetConsumers(
    ScalingPolicy policy,
    ConsumerDemand demand,
    OptionalLong acknowledgedSeq,
    OptionalLong inUseBound) {

  public static boolean refersTo(ScalingPolicy p, ConnectionBudget budget) {
    return BudgetId.referencedBy(p).filter(BudgetId.of(budget)::equals).isPresent();
  }

  public static boolean allowed(
      ScalingPolicy p, ConnectionBudget budget, Map<String, Map<String, String>> namespaceLabels) {
    String ns = p.getMetadata().getNamespace();
    return BudgetAccess.allows(budget, ns, namespaceLabels.getOrDefault(ns, Map.of()));
  }

  public static BudgetConsumers of(ScalingPolicy p) {
    var spec = p.getSpec();
    ScalingPolicyStatus status = p.getStatus();
    int min = spec.getReplicas().getMin();
    int requested =
        status == null || status.getRequestedReplicas() == null
            ? min
            : Math.max(min, status.getRequestedReplicas());
    int surge =
        spec.getConnections().getMaxSurge() != null
            ? spec.getConnections().getMaxSurge()
            : status == null || status.getMaxSurge() == null ? 0 : status.getMaxSurge();
    int priority =
        spec.getConnections().getPriority() == null
            ? ApiDefaults.CONNECTIONS_PRIORITY
            : spec.getConnections().getPriority();
    ConsumerDemand demand =
        new ConsumerDemand(
            PolicyId.of(p).toString(),
            priority,
            min,
            Math.min(requested, spec.getReplicas().getMax()),
            spec.getConnections().getPoolSize().getMin(),
            spec.getConnections().getPoolSize().getMax(),
            surge,
            spec.getReplicas().getMax());
    OptionalLong ack =
        status == null || status.getAcknowledgedGrantSeq() == null
            ? OptionalLong.empty()
            : OptionalLong.of(status.getAcknowledgedGrantSeq());
    OptionalLong bound =
        status == null || status.getInUseBound() == null
            ? OptionalLong.empty()
            : OptionalLong.of(status.getInUseBound());
    return new BudgetConsumers(p, demand, ack, bound);
  }
}
