package dev.headroom.operator.policy;

import dev.headroom.engine.budget.PoolSize;
import dev.headroom.engine.budget.PoolSizer;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;

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

  /**
   * The pool for a workload whose replicas the HPA owns: sized for what the load asks
   * ({@code requested}), not for the replicas it runs now, so the cap follows demand.
   */
  public static PoolSize pool(long grant, int requested, int poolMin, int poolMax, int maxSurge) {
    return new PoolSizer().size(grant, requested, poolMin, poolMax, maxSurge);
  }

  /**
   * Patches maxReplicas to what the grant allows at {@code pool}; returns what was done, or null
   * when nothing was.
   */
  public String cap(HorizontalPodAutoscaler hpa, int policyMax, int pool, long grant, int maxSurge) {
    int hpaMin = hpa.getSpec().getMinReplicas() == null ? 1 : hpa.getSpec().getMinReplicas();
    int cap = cap(policyMax, hpaMin, grant, pool, maxSurge);
    int current = hpa.getSpec().getMaxReplicas();
    if (cap == current) {
      return null;
    }
    // The HPA may come from a cache that has not seen the last patch yet: confirm before patching.
    var resource = client.autoscaling().v2().horizontalPodAutoscalers()
        .inNamespace(hpa.getMetadata().getNamespace())
        .withName(hpa.getMetadata().getName());
    HorizontalPodAutoscaler fresh = resource.get();
    if (fresh != null) {
      current = fresh.getSpec().getMaxReplicas();
      if (cap == current) {
        return null;
      }
    }
    resource.patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"maxReplicas\":" + cap + "}}");
    return "HorizontalPodAutoscaler " + hpa.getMetadata().getName() + " maxReplicas " + current
        + " → " + cap;
  }
}
