package dev.headroom.operator.workload;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The objects every policy round reads, from watches instead of a GET or LIST per round: pods
 * (indexed by label), Deployments and StatefulSets (the targets), HorizontalPodAutoscalers and KEDA
 * ScaledObjects (conflicts). With 10,000 policies a LIST of pods by selector per round was most of
 * the operator's API traffic and of the API server's work.
 *
 * <p>Read your own writes: after Headroom changes a target, the cached copy is used again only once
 * it shows the generation that change produced (or after {@link #WRITE_GRACE}); until then the
 * target is read from the API server, so a round never acts on a copy older than its own last
 * write.
 */
public final class ClusterCache implements AutoCloseable {

  static final String LABEL_INDEX = "label";
  static final Duration WRITE_GRACE = Duration.ofSeconds(30);
  private static final Duration SYNC_TIMEOUT = Duration.ofSeconds(20);
  private static final Duration RETRY_AFTER = Duration.ofMinutes(1);

  /** Addressed directly, so a cluster without KEDA is asked nothing but discovery. */
  public static final ResourceDefinitionContext SCALED_OBJECTS =
      new ResourceDefinitionContext.Builder()
          .withGroup("keda.sh")
          .withVersion("v1alpha1")
          .withKind("ScaledObject")
          .withPlural("scaledobjects")
          .withNamespaced(true)
          .build();

  private record Pending(long generation, Instant until) {}

  private final Clock clock;
  private final NamespacedCache<Pod> pods;
  private final NamespacedCache<GenericKubernetesResource> deployments;
  private final NamespacedCache<GenericKubernetesResource> statefulSets;
  private final NamespacedCache<HorizontalPodAutoscaler> hpas;
  private final NamespacedCache<GenericKubernetesResource> scaledObjects;
  private final Map<String, Pending> pending = new ConcurrentHashMap<>();
  private final KubernetesClient client;
  private volatile Instant kedaCheckedAt = Instant.MIN;
  private volatile boolean kedaInstalled;

  public ClusterCache(KubernetesClient client, Clock clock) {
    this.clock = clock;
    this.pods =
        new NamespacedCache<>(
            "pods",
            ns -> client.pods().inNamespace(ns).runnableInformer(0),
            Map.of(LABEL_INDEX, ClusterCache::labelKeys),
            () -> true,
            SlimPod::of,
            SYNC_TIMEOUT,
            RETRY_AFTER,
            clock);
    this.deployments = generic(client, "apps/v1", "Deployment", "deployments");
    this.statefulSets = generic(client, "apps/v1", "StatefulSet", "statefulsets");
    this.hpas =
        new NamespacedCache<>(
            "horizontalpodautoscalers",
            ns ->
                client
                    .autoscaling()
                    .v2()
                    .horizontalPodAutoscalers()
                    .inNamespace(ns)
                    .runnableInformer(0),
            Map.of(),
            () -> true,
            SlimItemStore::trimMetadata,
            SYNC_TIMEOUT,
            RETRY_AFTER,
            clock);
    this.scaledObjects =
        new NamespacedCache<>(
            "KEDA scaledobjects",
            ns ->
                client
                    .genericKubernetesResources(SCALED_OBJECTS)
                    .inNamespace(ns)
                    .runnableInformer(0),
            Map.of(),
            () -> true,
            SlimItemStore::trimMetadata,
            SYNC_TIMEOUT,
            RETRY_AFTER,
            clock);
    this.client = client;
  }

  private NamespacedCache<GenericKubernetesResource> generic(
      KubernetesClient client, String apiVersion, String kind, String plural) {
    return new NamespacedCache<>(
        plural,
        ns ->
            client.genericKubernetesResources(apiVersion, kind).inNamespace(ns).runnableInformer(0),
        Map.of(),
        () -> true,
        SlimTarget::of,
        SYNC_TIMEOUT,
        RETRY_AFTER,
        clock);
  }

  static List<String> labelKeys(Pod pod) {
    Map<String, String> labels = pod.getMetadata().getLabels();
    if (labels == null) {
      return List.of();
    }
    List<String> keys = new ArrayList<>(labels.size());
    labels.forEach((k, v) -> keys.add(k + "=" + v));
    return keys;
  }

  /** Whether targets of this kind are cached (apps/v1 Deployments and StatefulSets). */
  static boolean cachedKind(WorkloadRef ref) {
    return "apps/v1".equals(ref.apiVersion())
        && ("Deployment".equals(ref.kind()) || "StatefulSet".equals(ref.kind()));
  }

  /**
   * The cached target: empty when it must be read from the API server (kind not cached, no watch,
   * or Headroom's own last write not seen yet); present-but-empty when it does not exist.
   */
  Optional<Optional<GenericKubernetesResource>> target(WorkloadRef ref) {
    if (!cachedKind(ref)) {
      return Optional.empty();
    }
    var cache = "Deployment".equals(ref.kind()) ? deployments : statefulSets;
    if (cache.in(ref.namespace()).isEmpty()) {
      return Optional.empty();
    }
    GenericKubernetesResource cached = cache.get(ref.namespace(), ref.name()).orElse(null);
    String key = key(ref);
    Pending p = pending.get(key);
    if (p != null) {
      Long generation = cached == null ? null : cached.getMetadata().getGeneration();
      if ((generation == null || generation < p.generation())
          && clock.instant().isBefore(p.until())) {
        return Optional.empty();
      }
      pending.remove(key, p);
    }
    return Optional.of(Optional.ofNullable(cached));
  }

  /**
   * Tells {@code listener} when a cached target (Deployment, StatefulSet) is created or deleted, or
   * changes its replicas, generation or status (pods becoming ready, a rollout progressing), so
   * that the policies on it run a round without waiting for their next sync. Call before the first
   * round.
   */
  public void onTargetChange(java.util.function.Consumer<WorkloadRef> listener) {
    deployments.listen(new TargetChanges(listener, "Deployment"));
    statefulSets.listen(new TargetChanges(listener, "StatefulSet"));
  }

  private record TargetChanges(java.util.function.Consumer<WorkloadRef> listener, String kind)
      implements NamespacedCache.ChangeListener<GenericKubernetesResource> {
    @Override
    public boolean relevant(GenericKubernetesResource before, GenericKubernetesResource now) {
      return !java.util.Objects.equals(
              before.getMetadata().getGeneration(), now.getMetadata().getGeneration())
          || !java.util.Objects.equals(
              before.getAdditionalProperties().get("status"),
              now.getAdditionalProperties().get("status"));
    }

    @Override
    public void changed(GenericKubernetesResource object) {
      listener.accept(
          new WorkloadRef(
              object.getMetadata().getNamespace(),
              "apps/v1",
              kind,
              object.getMetadata().getName()));
    }
  }

  /** Headroom changed the spec of a target read at {@code generation}. */
  void written(WorkloadRef ref, Long generation) {
    if (cachedKind(ref)) {
      pending.put(
          key(ref),
          new Pending(
              generation == null ? Long.MAX_VALUE : generation + 1,
              clock.instant().plus(WRITE_GRACE)));
    }
  }

  /** Pods of {@code namespace} carrying label {@code key=value}; empty: ask the API server. */
  Optional<List<Pod>> podsLabelled(String namespace, String key, String value) {
    return pods.byIndex(namespace, LABEL_INDEX, key + "=" + value);
  }

  /** Pods of {@code namespace}; empty: ask the API server. */
  Optional<List<Pod>> pods(String namespace) {
    return pods.list(namespace);
  }

  /** HPAs of {@code namespace}; empty: ask the API server. */
  public Optional<List<HorizontalPodAutoscaler>> hpas(String namespace) {
    return hpas.list(namespace);
  }

  /**
   * ScaledObjects of {@code namespace}: an empty list when KEDA is not installed (discovery is
   * asked again at most once a minute); empty: ask the API server.
   */
  public Optional<List<GenericKubernetesResource>> scaledObjects(String namespace) {
    if (!kedaInstalled()) {
      return Optional.of(List.of());
    }
    return scaledObjects.list(namespace);
  }

  private boolean kedaInstalled() {
    Instant now = clock.instant();
    if (now.isAfter(kedaCheckedAt.plus(RETRY_AFTER))) {
      try {
        kedaInstalled = client.getApiResources("keda.sh/v1alpha1") != null;
      } catch (KubernetesClientException e) {
        // unknown unless 404: then watch or list, whose failures are handled there
        kedaInstalled = e.getCode() != 404;
      }
      kedaCheckedAt = now;
    }
    return kedaInstalled;
  }

  private static String key(WorkloadRef ref) {
    return ref.kind() + "/" + ref.namespace() + "/" + ref.name();
  }

  @Override
  public void close() {
    pods.close();
    deployments.close();
    statefulSets.close();
    hpas.close();
    scaledObjects.close();
  }
}
