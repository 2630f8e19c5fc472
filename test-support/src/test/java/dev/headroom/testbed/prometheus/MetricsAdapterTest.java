package dev.headroom.testbed.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.testbed.pki.Pki;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** prometheus-adapter's command line and the objects that register it with the API server. */
class MetricsAdapterTest {

  @Test
  void theAdapterServesTlsOnLoopbackAndDelegatesToTheApiServer() {
    MetricsAdapterFlags flags =
        new MetricsAdapterFlags(
            new Pki(Path.of("/s/pki")),
            Path.of("/s/kubeconfig"),
            Path.of("/s/prometheus/metrics-adapter.yaml"),
            "http://127.0.0.1:9090",
            6443);
    assertThat(flags.command(Path.of("/bin/adapter")))
        .startsWith("/bin/adapter")
        .contains(
            "--secure-port=6443",
            "--bind-address=127.0.0.1",
            "--tls-cert-file=/s/pki/metrics-adapter.crt",
            "--tls-private-key-file=/s/pki/metrics-adapter.key",
            "--lister-kubeconfig=/s/kubeconfig",
            "--authentication-kubeconfig=/s/kubeconfig",
            "--authorization-kubeconfig=/s/kubeconfig",
            "--prometheus-url=http://127.0.0.1:9090",
            "--metrics-relist-interval=5s",
            "--config=/s/prometheus/metrics-adapter.yaml");
    assertThat(flags.healthUrl()).isEqualTo("https://127.0.0.1:6443/healthz");
  }

  @Test
  void theRulesServeEveryHeadroomSeriesSummedOverTheSelectorInAnyNamespace() {
    assertThat(MetricsAdapterRules.TEXT)
        .contains("externalRules:")
        .contains("seriesQuery: '{__name__=~\"headroom_.+\"}'")
        .contains("namespaced: false")
        .contains("metricsQuery: 'sum(<<.Series>>{<<.LabelMatchers>>})'");
  }

  @Test
  void theApiServiceNamesAnExternalNameServiceOnLocalhostAndTrustsTheTestBedCa() {
    ExternalMetricsApi api = new ExternalMetricsApi(6443, "PEM");
    GenericKubernetesResource service = api.service();
    assertThat(service.getKind()).isEqualTo("Service");
    assertThat(service.getMetadata().getNamespace()).isEqualTo("kube-system");
    assertThat(service.getMetadata().getName()).isEqualTo("headroom-metrics-adapter");
    assertThat(service.getAdditionalProperties().get("spec"))
        .isEqualTo(
            Map.of(
                "type", "ExternalName",
                "externalName", "localhost",
                "ports", List.of(Map.of("name", "https", "port", 6443))));

    GenericKubernetesResource apiService = api.apiService();
    assertThat(apiService.getApiVersion()).isEqualTo("apiregistration.k8s.io/v1");
    assertThat(apiService.getMetadata().getName()).isEqualTo("v1beta1.external.metrics.k8s.io");
    assertThat(apiService.getMetadata().getNamespace()).isNull();
    @SuppressWarnings("unchecked")
    Map<String, Object> spec =
        (Map<String, Object>) apiService.getAdditionalProperties().get("spec");
    assertThat(spec)
        .containsEntry("group", "external.metrics.k8s.io")
        .containsEntry("version", "v1beta1")
        .containsEntry("caBundle", Base64.getEncoder().encodeToString("PEM".getBytes()))
        .containsEntry(
            "service",
            Map.of("namespace", "kube-system", "name", "headroom-metrics-adapter", "port", 6443));
    // The API server checks the adapter's certificate for the Service's name.
    assertThat(Pki.METRICS_ADAPTER_HOST)
        .isEqualTo(service.getMetadata().getName() + ".kube-system.svc");
  }
}
