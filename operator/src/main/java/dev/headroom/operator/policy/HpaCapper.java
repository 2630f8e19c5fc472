package dev.headroom.operator.policy;

import dev.headroom.engine.model.Decision;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.OptionalLong;

/**
 * CapHpa mode: the HPA keeps owning replicas, Headroom only lowers its {@code maxReplicas} so that
 * {@code (maxReplicas + maxSurge) × pool} fits the grant.
 */
public final class HpaCapper {

  private final KubernetesClient client;

  public HpaCapper(KubernetesClient client) {
    this.client = client;
  }

  /** Largest maxReplicas the grant allows at this pool, never below the HPA's minReplicas. */
  public static int cap(int policyMax, int hpaMin, long grant, int pool, int maxSurge) {
    long fit = grant / Math.max(1, pool) - maxSurge;
    return (int) Math.max(Math.max(1, hpaMin), Math.min(policyMax, fit));
  }

  /** Patches maxReplicas when it differs; returns what was done, or null when nothing was. */
  public String cap(HorizontalPodAutoscaler hpa, int policyMax, Decision decision,
      OptionalLong grant, int maxSurge) {
    int hpaMin = hpa.getSpec().getMinReplicas() == null ? 1 : hpa.getSpec().getMinReplicas();
    int cap = grant.isPresent() && decision.poolSize().isPresent()
        ? cap(policyMax, hpaMin, grant.getAsLong(), decision.poolSize().getAsInt(), maxSurge)
        : Math.max(hpaMin, policyMax);
    int current = hpa.getSpec().getMaxReplicas();
    if (cap == current) {
      return null;
    }
    client.autoscaling().v2().horizontalPodAutoscalers()
        .inNamespace(hpa.getMetadata().getNamespace())
        .withName(hpa.getMetadata().getName())
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"maxReplicas\":" + cap + "}}");
    return "HorizontalPodAutoscaler " + hpa.getMetadata().getName() + " maxReplicas " + current
        + " → " + cap;
  }
}
