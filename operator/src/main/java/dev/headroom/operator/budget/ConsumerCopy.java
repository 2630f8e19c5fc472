package dev.headroom.operator.budget;

import dev.headroom.operator.api.v1alpha1.ScalingPolicy;
import dev.headroom.operator.api.v1alpha1.ScalingPolicyStatus;
import dev.headroom.operator.workload.SlimMetadata;

/**
 * A policy as the budgets' cache keeps it: metadata, spec, and the four status fields a budget
 * reads ({@link BudgetConsumers}: requested replicas, surge, acknowledged grant, in-use bound). The
 * policies' own cache holds the whole status (conditions, recommendations, history); keeping it
 * twice was a fifth of the heap at 10,000 policies.
 */
public final class ConsumerCopy {

  private ConsumerCopy() {}

  public static ScalingPolicy of(ScalingPolicy full) {
    ScalingPolicy copy = new ScalingPolicy();
    copy.setMetadata(SlimMetadata.copy(full.getMetadata()));
    copy.setSpec(full.getSpec());
    ScalingPolicyStatus status = full.getStatus();
    if (status != null) {
      ScalingPolicyStatus kept = new ScalingPolicyStatus();
      kept.setConditions(null);
      kept.setRecommendations(null);
      kept.setHistory(null);
      kept.setRecentRecommendations(null);
      kept.setRecentScaleEvents(null);
      kept.setRequestedReplicas(status.getRequestedReplicas());
      kept.setMaxSurge(status.getMaxSurge());
      kept.setAcknowledgedGrantSeq(status.getAcknowledgedGrantSeq());
      kept.setInUseBound(status.getInUseBound());
      copy.setStatus(kept);
    }
    return copy;
  }
}
