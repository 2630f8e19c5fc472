package dev.headroom.operator.policy;

import dev.headroom.operator.workload.ClusterCache;
import dev.headroom.operator.workload.WorkloadRef;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Finds other autoscalers (HPA, KEDA ScaledObject) that target the same workload. */
public final class ConflictDetector {

  /**
   * The autoscalers found; {@code hpa} is the HPA to cap in CapHpa mode; {@code rivals} the older
   * ScalingPolicies on the same workload (also listed in {@code owners}).
   */
  public record Conflicts(
      List<String> owners, Optional<HorizontalPodAutoscaler> hpa, List<String> rivals) {
    public Conflicts(List<String> owners, Optional<HorizontalPodAutoscaler> hpa) {
      this(owners, hpa, List.of());
    }

    public boolean any() {
      return !owners.isEmpty();
    }

    /** These conflicts and older policies on the same workload. */
    public Conflicts with(List<String> olderPolicies) {
      if (olderPolicies.isEmpty()) {
        return this;
      }
      List<String> all = new ArrayList<>(owners);
      all.addAll(olderPolicies);
      return new Conflicts(List.copyOf(all), hpa, List.copyOf(olderPolicies));
    }
  }

  static final ResourceDefinitionContext SCALED_OBJECTS = ClusterCache.SCALED_OBJECTS;

  private final KubernetesClient client;
  private final ClusterCache cache;

  /** Reads from {@code cache} where it can, from the API server where it cannot. */
  public ConflictDetector(KubernetesClient client, ClusterCache cache) {
    this.client = client;
    this.cache = cache;
  }

  public Conflicts find(WorkloadRef target) {
    List<String> owners = new ArrayList<>();
    Optional<HorizontalPodAutoscaler> hpa = Optional.empty();
    List<HorizontalPodAutoscaler> hpas =
        cache
            .hpas(target.namespace())
            .orElseGet(
                () ->
                    client
                        .autoscaling()
                        .v2()
                        .horizontalPodAutoscalers()
                        .inNamespace(target.namespace())
                        .list()
                        .getItems());
    for (HorizontalPodAutoscaler h : hpas) {
      var ref = h.getSpec().getScaleTargetRef();
      if (target.kind().equals(ref.getKind()) && target.name().equals(ref.getName())) {
        owners.add("HorizontalPodAutoscaler " + h.getMetadata().getName());
        hpa = hpa.isPresent() ? hpa : Optional.of(h);
      }
    }
    owners.addAll(scaledObjects(target));
    return new Conflicts(owners, hpa);
  }

  /** KEDA may not be installed: a missing API is no conflict. */
  private List<String> scaledObjects(WorkloadRef target) {
    List<String> owners = new ArrayList<>();
    try {
      List<GenericKubernetesResource> scaledObjects =
          cache
              .scaledObjects(target.namespace())
              .orElseGet(
                  () ->
                      client
                          .genericKubernetesResources(SCALED_OBJECTS)
                          .inNamespace(target.namespace())
                          .list()
                          .getItems());
      for (GenericKubernetesResource so : scaledObjects) {
        Map<String, Object> ref = so.get("spec", "scaleTargetRef");
        Object kind = ref == null ? null : ref.getOrDefault("kind", "Deployment");
        if (ref != null && target.kind().equals(kind) && target.name().equals(ref.get("name"))) {
          owners.add("KEDA ScaledObject " + so.getMetadata().getName());
        }
      }
    } catch (KubernetesClientException e) {
      if (e.getCode() != 404 && e.getCode() != 403) {
        throw e;
      }
    }
    return owners;
  }
}
