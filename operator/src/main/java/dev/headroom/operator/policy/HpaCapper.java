package dev.headroom.operator.policy;

import dev.headroom.engine.budget.PoolSize;
import dev.headroom.engine.budget.PoolSizer;
import dev.headroom.operator.workload.WorkloadSnapshot;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * CapHpa mode: the HPA keeps owning replicas, Headroom only lowers its {@code maxReplicas} so that
 * {@code (maxReplicas + maxSurge) × pool} fits the grant, and gives it back when the policy goes.
 *
 * <ul>
 *   <li>Lower only: the cap is never above the owner's own {@code maxReplicas}, which the first cap
 *       remembers in the annotation {@value #OWNER_MAX} on the HPA. When the owner changes {@code
 *       maxReplicas} (it differs from the last cap, kept in {@value #CAPPED_MAX}), the new value is
 *       the owner's.
 *   <li>Two-phase: the pool counted is the largest any pod runs or new pods get ({@code
 *       largestPool}), so while a pool shrink rolls out the old, larger pool keeps the cap where it
 *       was; only once every pod runs the smaller pool may the cap rise. A larger pool lowers the
 *       cap at once, before the pool is delivered.
 *   <li>Restored: {@link #restore} puts the owner's {@code maxReplicas} back and removes the
 *       annotations when the policy is deleted.
 * </ul>
 */
public final class HpaCapper {

  /** The owner's {@code maxReplicas} before Headroom capped it. */
  public static final String OWNER_MAX = "headroom.dev/owner-max-replicas";

  /** The {@code maxReplicas} Headroom last wrote. */
  public static final String CAPPED_MAX = "headroom.dev/capped-max-replicas";

  /** The name of the ScalingPolicy (same namespace) that caps this HPA. */
  public static final String CAPPED_BY = "headroom.dev/capped-by";

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
   * The pool for a workload whose replicas the HPA owns: sized for what the load asks ({@code
   * requested}), not for the replicas it runs now, so the cap follows demand.
   */
  public static PoolSize pool(long grant, int requested, int poolMin, int poolMax, int maxSurge) {
    return new PoolSizer().size(grant, requested, poolMin, poolMax, maxSurge);
  }

  /**
   * The pool the cap is counted at: the one just decided, or a larger one that pods still run or
   * that the template still gives (a pool unknown on a pod counts as {@code poolMax}). So a smaller
   * pool raises the cap only once it has rolled out to every pod.
   */
  public static int poolInPlay(int decidedPool, WorkloadSnapshot snap, int poolMax) {
    return Math.max(decidedPool, snap.largestPool(poolMax));
  }

  /**
   * The owner's maxReplicas and the cap for this HPA.
   *
   * @param largestPool the largest pool any pod runs, new pods get, or the next delivery sets
   */
  public static Cap plan(
      HorizontalPodAutoscaler hpa, int policyMax, long grant, int largestPool, int maxSurge) {
    int hpaMin = hpa.getSpec().getMinReplicas() == null ? 1 : hpa.getSpec().getMinReplicas();
    int current = hpa.getSpec().getMaxReplicas();
    Map<String, String> annotations = annotations(hpa);
    Integer owner = number(annotations.get(OWNER_MAX));
    Integer lastCap = number(annotations.get(CAPPED_MAX));
    int ownerMax = owner == null || lastCap == null || lastCap != current ? current : owner;
    return new Cap(
        ownerMax, Math.min(ownerMax, cap(policyMax, hpaMin, grant, largestPool, maxSurge)));
  }

  /** The owner's {@code maxReplicas} and the one Headroom sets, never above the owner's. */
  public record Cap(int ownerMax, int maxReplicas) {

    public Cap {
      if (maxReplicas > ownerMax) {
        throw new IllegalArgumentException(
            "a cap of " + maxReplicas + " is above the owner's " + ownerMax);
      }
    }

    boolean appliedTo(HorizontalPodAutoscaler hpa, String policy) {
      Map<String, String> a = annotations(hpa);
      return hpa.getSpec().getMaxReplicas() == maxReplicas
          && String.valueOf(ownerMax).equals(a.get(OWNER_MAX))
          && String.valueOf(maxReplicas).equals(a.get(CAPPED_MAX))
          && policy.equals(a.get(CAPPED_BY));
    }
  }

  /**
   * Sets maxReplicas to the cap of {@link #plan} and records the owner's value on the HPA; returns
   * what was done, or null when nothing was.
   *
   * @param policy the name of the capping ScalingPolicy, in the HPA's namespace
   */
  public String cap(
      HorizontalPodAutoscaler hpa,
      String policy,
      int policyMax,
      long grant,
      int largestPool,
      int maxSurge) {
    if (plan(hpa, policyMax, grant, largestPool, maxSurge).appliedTo(hpa, policy)) {
      return null;
    }
    // The HPA may come from a cache that has not seen the last patch yet: decide on a fresh read.
    var resource =
        client
            .autoscaling()
            .v2()
            .horizontalPodAutoscalers()
            .inNamespace(hpa.getMetadata().getNamespace())
            .withName(hpa.getMetadata().getName());
    HorizontalPodAutoscaler fresh = resource.get();
    if (fresh == null) {
      return null;
    }
    Cap cap = plan(fresh, policyMax, grant, largestPool, maxSurge);
    if (cap.appliedTo(fresh, policy)) {
      return null;
    }
    int current = fresh.getSpec().getMaxReplicas();
    resource.patch(
        PatchContext.of(PatchType.JSON_MERGE),
        "{\"metadata\":{\"annotations\":{"
            + "\""
            + OWNER_MAX
            + "\":\""
            + cap.ownerMax()
            + "\","
            + "\""
            + CAPPED_MAX
            + "\":\""
            + cap.maxReplicas()
            + "\","
            + "\""
            + CAPPED_BY
            + "\":"
            + quoted(policy)
            + "}},"
            + "\"spec\":{\"maxReplicas\":"
            + cap.maxReplicas()
            + "}}");
    return current == cap.maxReplicas()
        ? null
        : "HorizontalPodAutoscaler "
            + hpa.getMetadata().getName()
            + " maxReplicas "
            + current
            + " → "
            + cap.maxReplicas()
            + " (owner's "
            + cap.ownerMax()
            + ")";
  }

  /**
   * Gives every HPA in {@code namespace} that {@code policy} caps its owner's maxReplicas back
   * (unless the owner changed it since) and removes the annotations; returns what was done.
   */
  public List<String> restore(String namespace, String policy) {
    List<String> done = new ArrayList<>();
    for (HorizontalPodAutoscaler hpa :
        client
            .autoscaling()
            .v2()
            .horizontalPodAutoscalers()
            .inNamespace(namespace)
            .list()
            .getItems()) {
      Map<String, String> a = annotations(hpa);
      if (!policy.equals(a.get(CAPPED_BY))) {
        continue;
      }
      int current = hpa.getSpec().getMaxReplicas();
      Integer owner = number(a.get(OWNER_MAX));
      Integer lastCap = number(a.get(CAPPED_MAX));
      int restored = owner != null && lastCap != null && lastCap == current ? owner : current;
      client
          .autoscaling()
          .v2()
          .horizontalPodAutoscalers()
          .inNamespace(namespace)
          .withName(hpa.getMetadata().getName())
          .patch(
              PatchContext.of(PatchType.JSON_MERGE),
              "{\"metadata\":{\"annotations\":{"
                  + "\""
                  + OWNER_MAX
                  + "\":null,\""
                  + CAPPED_MAX
                  + "\":null,\""
                  + CAPPED_BY
                  + "\":null}},\"spec\":{\"maxReplicas\":"
                  + restored
                  + "}}");
      done.add(
          "HorizontalPodAutoscaler "
              + hpa.getMetadata().getName()
              + " maxReplicas "
              + current
              + " → "
              + restored
              + " (restored)");
    }
    return done;
  }

  private static Map<String, String> annotations(HorizontalPodAutoscaler hpa) {
    Map<String, String> a = hpa.getMetadata() == null ? null : hpa.getMetadata().getAnnotations();
    return a == null ? Map.of() : a;
  }

  private static Integer number(String value) {
    if (value == null) {
      return null;
    }
    try {
      int n = Integer.parseInt(value.trim());
      return n > 0 ? n : null;
    } catch (NumberFormatException e) {
      return null; // edited by hand: treat as not recorded
    }
  }

  private static String quoted(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
