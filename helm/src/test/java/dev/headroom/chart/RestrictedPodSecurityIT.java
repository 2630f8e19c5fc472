package dev.headroom.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.headroom.testbed.TestNamespace;
import dev.headroom.testbed.WithTestBed;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The chart's pods pass the {@code restricted} Pod Security Standard: the chart is rendered (as
 * {@code helm template} would) and its ServiceAccount and Deployment are applied on the real test
 * bed into a namespace labelled {@code pod-security.kubernetes.io/enforce=restricted}. The API
 * server's PodSecurity admission then decides whether the ReplicaSet may create the pods (kwok runs
 * them; no image is pulled). A non-compliant pod, and the chart rendered with privilege escalation
 * allowed, are refused in the same namespace, which shows the check can fail.
 */
@WithTestBed
class RestrictedPodSecurityIT {

  static final Set<String> APPLIED = Set.of("ServiceAccount", "Deployment");

  @Test
  void theChartsPodsAreAdmittedUnderTheRestrictedStandard(
      KubernetesClient client, TestNamespace ns) {
    String namespace = restrictedNamespace(client, ns, "ok");
    try {
      apply(client, namespace, "");

      await()
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofSeconds(1))
          .untilAsserted(
              () -> {
                List<Pod> pods = client.pods().inNamespace(namespace).list().getItems();
                assertThat(pods).as("pods the ReplicaSet created").hasSize(2);
                assertThat(pods)
                    .allSatisfy(p -> assertThat(p.getStatus().getPhase()).isEqualTo("Running"));
              });
      assertThat(podSecurityRefusals(client, namespace)).isEmpty();
    } finally {
      delete(client, namespace);
    }
  }

  @Test
  void aPodWithoutTheRestrictedSettingsIsRefusedThere(KubernetesClient client, TestNamespace ns) {
    String namespace = restrictedNamespace(client, ns, "bad");
    try {
      Pod plain =
          new PodBuilder()
              .withNewMetadata()
              .withName("plain")
              .endMetadata()
              .withNewSpec()
              .addNewContainer()
              .withName("c")
              .withImage("nginx")
              .endContainer()
              .endSpec()
              .build();
      assertThatThrownBy(() -> client.pods().inNamespace(namespace).resource(plain).create())
          .isInstanceOf(KubernetesClientException.class)
          .hasMessageContaining("violates PodSecurity \"restricted:latest\"")
          .hasMessageContaining("allowPrivilegeEscalation != false")
          .hasMessageContaining("runAsNonRoot != true")
          .hasMessageContaining("seccompProfile");

      // The same chart with one setting weakened (Helm merges maps, so this keeps the rest): the
      // ReplicaSet's pods are refused, and the check above (pods created, no refusal Events)
      // would see it.
      apply(client, namespace, "securityContext:\n  allowPrivilegeEscalation: true\n");
      await()
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofSeconds(1))
          .untilAsserted(() -> assertThat(podSecurityRefusals(client, namespace)).isNotEmpty());
      assertThat(client.pods().inNamespace(namespace).list().getItems()).isEmpty();
    } finally {
      delete(client, namespace);
    }
  }

  private static String restrictedNamespace(
      KubernetesClient client, TestNamespace ns, String suffix) {
    String name = ns.name() + "-" + suffix;
    client
        .namespaces()
        .resource(
            new NamespaceBuilder()
                .withNewMetadata()
                .withName(name)
                .addToLabels("pod-security.kubernetes.io/enforce", "restricted")
                .addToLabels("pod-security.kubernetes.io/enforce-version", "latest")
                .endMetadata()
                .build())
        .create();
    return name;
  }

  /**
   * The chart's ServiceAccount and Deployment, rendered for {@code namespace} with {@code values}.
   */
  private static void apply(KubernetesClient client, String namespace, String values) {
    Manifest manifest = Manifest.parse(Chart.templateRaw(values, namespace));
    for (JsonNode object : manifest.objects()) {
      if (!APPLIED.contains(object.path("kind").asText())) {
        continue;
      }
      HasMetadata resource =
          client.getKubernetesSerialization().unmarshal(object.toString(), HasMetadata.class);
      assertThat(resource.getMetadata().getNamespace()).isEqualTo(namespace);
      client.resource(resource).inNamespace(namespace).create();
    }
  }

  private static List<String> podSecurityRefusals(KubernetesClient client, String namespace) {
    return client.v1().events().inNamespace(namespace).list().getItems().stream()
        .filter(e -> "FailedCreate".equals(e.getReason()))
        .map(Event::getMessage)
        .filter(m -> m.contains("PodSecurity"))
        .toList();
  }

  private static void delete(KubernetesClient client, String namespace) {
    client.namespaces().withName(namespace).delete();
    client.namespaces().withName(namespace).waitUntilCondition(n -> n == null, 2, TimeUnit.MINUTES);
  }
}
