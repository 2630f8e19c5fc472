package dev.headroom.testbed.prometheus;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Registers the metrics adapter as {@code external.metrics.k8s.io/v1beta1} with the API server's
 * aggregation layer: an APIService naming a Service in {@code kube-system}, and that Service of
 * type ExternalName pointing at {@code localhost}. The API server reaches the adapter through the
 * Service's name alone (the test bed has no cluster network, and an Endpoints address may not be a
 * loopback one), and checks its certificate, signed by the test bed CA, for the name {@code
 * SERVICE.kube-system.svc} ({@link dev.headroom.testbed.pki.Pki#METRICS_ADAPTER_HOST}).
 */
public record ExternalMetricsApi(int port, String caPem) {

  static final String SERVICE = "headroom-metrics-adapter";
  static final String API_SERVICE = "v1beta1.external.metrics.k8s.io";

  public void register(KubernetesClient client) {
    client.resource(service()).forceConflicts().serverSideApply();
    client.resource(apiService()).forceConflicts().serverSideApply();
  }

  /** The API server routes to the adapter and the adapter answers its discovery. */
  public static boolean available(KubernetesClient client) {
    GenericKubernetesResource api =
        client
            .genericKubernetesResources("apiregistration.k8s.io/v1", "APIService")
            .withName(API_SERVICE)
            .get();
    if (api == null) {
      return false;
    }
    Object conditions = api.getAdditionalProperties().get("status");
    if (!(conditions instanceof Map<?, ?> status)
        || !(status.get("conditions") instanceof List<?> list)) {
      return false;
    }
    return list.stream()
        .filter(Map.class::isInstance)
        .map(Map.class::cast)
        .anyMatch(c -> "Available".equals(c.get("type")) && "True".equals(c.get("status")));
  }

  GenericKubernetesResource service() {
    GenericKubernetesResource service = resource("v1", "Service", SERVICE, "kube-system");
    service
        .getAdditionalProperties()
        .put(
            "spec",
            Map.of(
                "type", "ExternalName",
                "externalName", "localhost",
                "ports", List.of(Map.of("name", "https", "port", port))));
    return service;
  }

  GenericKubernetesResource apiService() {
    GenericKubernetesResource api =
        resource("apiregistration.k8s.io/v1", "APIService", API_SERVICE, null);
    api.getAdditionalProperties()
        .put(
            "spec",
            Map.of(
                "group",
                "external.metrics.k8s.io",
                "version",
                "v1beta1",
                "groupPriorityMinimum",
                100,
                "versionPriority",
                100,
                "caBundle",
                Base64.getEncoder().encodeToString(caPem.getBytes()),
                "service",
                Map.of("namespace", "kube-system", "name", SERVICE, "port", port)));
    return api;
  }

  private static GenericKubernetesResource resource(
      String apiVersion, String kind, String name, String namespace) {
    GenericKubernetesResource resource = new GenericKubernetesResource();
    resource.setApiVersion(apiVersion);
    resource.setKind(kind);
    resource.setMetadata(
        new ObjectMetaBuilder()
            .withName(name)
            .withNamespace(namespace)
            .withLabels(Map.of("app.kubernetes.io/managed-by", "headroom-testbed"))
            .build());
    return resource;
  }
}
