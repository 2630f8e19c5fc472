package dev.headroom.operator.budget;

import dev.headroom.operator.api.v1alpha1.ConnectionsSpec;
import dev.headroom.operator.api.v1alpha1.ScalingPolicy;
import dev.headroom.operator.api.v1alpha1.ScalingPolicySpec;
import dev.headroom.operator.api.v1alpha1.ScalingPolicyStatus;
import dev.headroom.operator.workload.SlimMetadata;

/**
 * A policy as the budgets' cache keeps it: metadata, the spec's replica bounds and connections
 * (budget, pool range, priority, surge), and the four status fields a budget reads ({@link
 * BudgetConsumers}: requested replicas, surge, acknowledged grant, in-use bound). The policies' own
 * cache holds the whole object (signals, schedules, conditions, recommendations, history); a second
 * whole copy of 10,000 policies was a large part of the heap.
 */
public final class ConsumerCopy {

  private ConsumerCopy() {}

  public static ScalingPolicy of(ScalingPolicy full) {
    ScalingPolicy copy = new ScalingPolicy();
    copy.setMetadata(SlimMetadata.copy(full.getMetadata()));
    copy.setSpec(spec(full.getSpec()));
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

  /** Replica bounds and the connections a budget reads: no signals, schedules or forecast. */
  private static ScalingPolicySpec spec(ScalingPolicySpec full) {
    if (full == null) {
      return null;
    }
    ScalingPolicySpec kept = new ScalingPolicySpec();
    kept.setReplicas(full.getReplicas());
    ConnectionsSpec connections = full.getConnections();
    if (connections != null) {
      ConnectionsSpec c = new ConnectionsSpec();
      c.setBudgetRef(connections.getBudgetRef());
      c.setPoolSize(connections.getPoolSize());
      c.setPriority(connections.getPriority());
      c.setMaxSurge(connections.getMaxSurge());
      kept.setConnections(c);
    }
    return kept;
  }
}
