package dev.headroom.operator.workload;

import dev.headroom.operator.pool.PoolDelivery;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.autoscaling.v1.Scale;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads a target through its scale subresource (so any kind with one works), its pods through the
 * selector the scale subresource reports, and the pool size each pod runs. Deployments and
 * StatefulSets, and pods, come from {@link ClusterCache} when it has them: their spec holds what
 * the scale subresource reports, so a round then makes no request at all.
 */
public final class WorkloadReader {

  private final KubernetesClient client;
  private final ClusterCache cache;

  public WorkloadReader(KubernetesClient client, ClusterCache cache) {
    this.client = client;
    this.cache = cache;
  }

  /**
   * The target object, or empty when it does not exist. It is the cached object itself when the
   * cache has it: read it, never change it. Everything Headroom writes to a target goes out as a
   * patch or through the scale subresource, so no round needs a copy (a JSON round trip of the
   * target was a large part of a steady round's cost at 10,000 policies).
   */
  public Optional<GenericKubernetesResource> target(WorkloadRef ref) {
    // Absent from the cache may mean "created a moment ago": only the API server says it is gone.
    var cached = cache.target(ref).flatMap(t -> t);
    if (cached.isPresent()) {
      return cached;
    }
    return Optional.ofNullable(
        client
            .genericKubernetesResources(ref.apiVersion(), ref.kind())
            .inNamespace(ref.namespace())
            .withName(ref.name())
            .get());
  }

  /** Headroom changed the spec of {@code target} (replicas or pod template). */
  public void written(WorkloadRef ref, GenericKubernetesResource target) {
    cache.written(ref, target.getMetadata().getGeneration());
  }

  public WorkloadSnapshot read(
      WorkloadRef ref, GenericKubernetesResource target, PoolDelivery delivery, Integer surge) {
    if (ClusterCache.cachedKind(ref)) {
      Optional<LabelSelectors> selector = LabelSelectors.of(target.get("spec", "selector"));
      Optional<List<Pod>> pods = selector.flatMap(s -> candidates(ref.namespace(), s));
      if (pods.isPresent()) {
        Number replicas = target.get("spec", "replicas");
        List<Pod> selected =
            pods.get().stream()
                .filter(p -> selector.get().matches(p.getMetadata().getLabels()))
                .toList();
        return snapshot(
            ref,
            target,
            delivery,
            surge,
            replicas == null ? 1 : replicas.intValue(),
            selector.get().text(),
            selected);
      }
    }
    Scale scale =
        client
            .genericKubernetesResources(ref.apiVersion(), ref.kind())
            .inNamespace(ref.namespace())
            .withName(ref.name())
            .scale();
    int specReplicas = scale.getSpec().getReplicas() == null ? 0 : scale.getSpec().getReplicas();
    String selector = scale.getStatus() == null ? null : scale.getStatus().getSelector();
    List<Pod> listed =
        selector == null || selector.isBlank()
            ? List.of()
            : client
                .pods()
                .inNamespace(ref.namespace())
                .list(new ListOptionsBuilder().withLabelSelector(selector).build())
                .getItems();
    return snapshot(ref, target, delivery, surge, specReplicas, selector, listed);
  }

  /** Cached pods that may match: those with the selector's first label, else all of them. */
  private Optional<List<Pod>> candidates(String namespace, LabelSelectors selector) {
    var first = selector.matchLabels().entrySet().stream().findFirst();
    return first.isPresent()
        ? cache.podsLabelled(namespace, first.get().getKey(), first.get().getValue())
        : cache.pods(namespace);
  }

  private WorkloadSnapshot snapshot(
      WorkloadRef ref,
      GenericKubernetesResource target,
      PoolDelivery delivery,
      Integer surge,
      int specReplicas,
      String selector,
      List<Pod> selected) {
    OptionalInt templatePool =
        delivery == null ? OptionalInt.empty() : delivery.desiredPool(target);
    List<PodView> pods = new ArrayList<>();
    for (Pod pod : selected) {
      if (isFinished(pod)) {
        continue;
      }
      OptionalInt pool =
          delivery == null ? OptionalInt.empty() : delivery.podPool(pod, templatePool);
      pods.add(
          new PodView(
              pod.getMetadata().getName(),
              isReady(pod),
              pod.getMetadata().getDeletionTimestamp() != null,
              pool));
    }
    int ready = (int) pods.stream().filter(p -> p.ready() && !p.terminating()).count();
    Object surgeSpec = surge != null ? surge : maxSurgeOf(target);
    int maxSurge = SurgeCalculator.resolve(surgeSpec, specReplicas);
    return new WorkloadSnapshot(
        ref,
        specReplicas,
        ready,
        selector,
        maxSurge,
        templatePool,
        pods,
        rolling(target) || (delivery != null && delivery.settling()),
        surgeSpec,
        target.getMetadata().getUid());
  }

  /** Surge as the target's rollout strategy states it; StatefulSets and Recreate add none. */
  static Object maxSurgeOf(GenericKubernetesResource target) {
    if (!"Deployment".equals(target.getKind())) {
      Object surge = target.get("spec", "strategy", "rollingUpdate", "maxSurge");
      return surge == null ? 0 : surge;
    }
    if ("Recreate".equals(target.get("spec", "strategy", "type"))) {
      return 0;
    }
    return target.get("spec", "strategy", "rollingUpdate", "maxSurge");
  }

  /** A Deployment whose controller has not caught up, or whose new pods are not all updated. */
  static boolean rolling(GenericKubernetesResource target) {
    Number generation = target.getMetadata().getGeneration();
    Number observed = target.get("status", "observedGeneration");
    Number replicas = target.get("spec", "replicas");
    Number updated = target.get("status", "updatedReplicas");
    Number total = target.get("status", "replicas");
    if (observed == null || !Objects.equals(toLong(generation), toLong(observed))) {
      return true;
    }
    return updated != null
        && replicas != null
        && total != null
        && (updated.intValue() < replicas.intValue() || total.intValue() > updated.intValue());
  }

  private static Long toLong(Number n) {
    return n == null ? null : n.longValue();
  }

  private static boolean isFinished(Pod pod) {
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    return "Succeeded".equals(phase) || "Failed".equals(phase);
  }

  private static boolean isReady(Pod pod) {
    if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
      return false;
    }
    for (PodCondition c : pod.getStatus().getConditions()) {
      if ("Ready".equals(c.getType())) {
        return "True".equals(c.getStatus());
      }
    }
    return false;
  }
}
