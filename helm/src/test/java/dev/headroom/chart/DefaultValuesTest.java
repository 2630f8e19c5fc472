package dev.headroom.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code helm template} with the chart's own values: what {@code helm install} creates. */
class DefaultValuesTest {

  private static Manifest manifest;

  @BeforeAll
  static void render() {
    manifest = Chart.templateDefaults();
  }

  @Test
  void rendersTheOperatorAndItsClusterWideRbacOnly() {
    assertThat(manifest.kindsAndNames())
        .containsExactlyInAnyOrder(
            "ServiceAccount/headroom-system/headroom",
            "ClusterRole/headroom-headroom-system",
            "ClusterRoleBinding/headroom-headroom-system",
            "Deployment/headroom-system/headroom",
            "Service/headroom-system/headroom-metrics",
            "PodDisruptionBudget/headroom-system/headroom");
  }

  @Test
  void clusterRoleRulesAreExactlyTheRulesFile() {
    List<Map<String, Object>> rendered =
        Chart.YAML.convertValue(
            manifest.one("ClusterRole").path("rules"), new TypeReference<>() {});

    assertThat(rendered).isEqualTo(Chart.fileRules());
  }

  @Test
  void clusterRoleIsBoundToTheOperatorServiceAccount() {
    JsonNode binding = manifest.one("ClusterRoleBinding");

    assertThat(binding.at("/roleRef/kind").asText()).isEqualTo("ClusterRole");
    assertThat(binding.at("/roleRef/name").asText())
        .isEqualTo(manifest.one("ClusterRole").at("/metadata/name").asText());
    assertThat(binding.at("/subjects/0/kind").asText()).isEqualTo("ServiceAccount");
    assertThat(binding.at("/subjects/0/name").asText()).isEqualTo("headroom");
    assertThat(binding.at("/subjects/0/namespace").asText()).isEqualTo(Chart.NAMESPACE);
    assertThat(binding.path("subjects")).hasSize(1);
  }

  @Test
  void twoReplicasWithLeaderElection() {
    assertThat(manifest.one("Deployment").at("/spec/replicas").asInt()).isEqualTo(2);
    assertThat(manifest.operatorEnv())
        .containsEntry("HEADROOM_LEADER_ELECTION_ENABLED", "true")
        .doesNotContainKey("QUARKUS_OPERATOR_SDK_NAMESPACES");
    assertThat(manifest.one("PodDisruptionBudget").at("/spec/maxUnavailable").asInt()).isEqualTo(1);
  }

  @Test
  void leaseLivesInTheReleaseNamespace() {
    assertThat(manifest.operatorContainer().path("env"))
        .anySatisfy(
            e -> {
              assertThat(e.path("name").asText()).isEqualTo("HEADROOM_LEADER_ELECTION_NAMESPACE");
              assertThat(e.at("/valueFrom/fieldRef/fieldPath").asText())
                  .isEqualTo("metadata.namespace");
            });
  }

  @Test
  void rollingUpdateKeepsAStandbyRunning() {
    JsonNode rolling = manifest.one("Deployment").at("/spec/strategy/rollingUpdate");

    assertThat(rolling.path("maxUnavailable").asInt()).isZero();
    assertThat(rolling.path("maxSurge").asInt()).isEqualTo(1);
  }

  @Test
  void imageIsTheReleasedOperatorAtTheChartsAppVersion() {
    String appVersion = Chart.readYaml(Chart.DIR.resolve("Chart.yaml")).path("appVersion").asText();

    assertThat(manifest.operatorContainer().path("image").asText())
        .isEqualTo("ghcr.io/headroom-dev/headroom-operator:" + appVersion);
    assertThat(manifest.operatorContainer().path("imagePullPolicy").asText())
        .isEqualTo("IfNotPresent");
  }

  @Test
  void prometheusAndSyncSettingsReachTheOperatorAsEnv() {
    assertThat(manifest.operatorEnv())
        .containsEntry("HEADROOM_PROMETHEUS_URL", "http://prometheus-operated.monitoring.svc:9090")
        .containsEntry("HEADROOM_PROMETHEUS_TIMEOUT", "5s")
        .containsEntry("HEADROOM_SYNC_PERIOD", "15s")
        .doesNotContainKeys(
            "HEADROOM_PROMETHEUS_BEARER_TOKEN_FILE",
            "HEADROOM_PROMETHEUS_CA_FILE",
            "HEADROOM_PROMETHEUS_INSECURE_SKIP_TLS_VERIFY");
  }

  @Test
  void podRunsAsNonRootWithRuntimeDefaultSeccomp() {
    JsonNode pod = manifest.one("Deployment").at("/spec/template/spec");

    assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
    assertThat(pod.at("/securityContext/runAsUser").asInt()).isEqualTo(1001);
    assertThat(pod.at("/securityContext/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
    assertThat(pod.path("automountServiceAccountToken").asBoolean()).isTrue();
    assertThat(pod.path("serviceAccountName").asText()).isEqualTo("headroom");
  }

  @Test
  void containerIsLockedDown() {
    JsonNode security = manifest.operatorContainer().path("securityContext");

    assertThat(security.path("runAsNonRoot").asBoolean()).isTrue();
    assertThat(security.path("runAsUser").asInt()).isEqualTo(1001);
    assertThat(security.path("readOnlyRootFilesystem").asBoolean()).isTrue();
    assertThat(security.path("allowPrivilegeEscalation").asBoolean()).isFalse();
    assertThat(security.has("allowPrivilegeEscalation")).isTrue();
    assertThat(security.at("/capabilities/drop"))
        .extracting(JsonNode::asText)
        .containsExactly("ALL");
    assertThat(security.at("/capabilities/add").isMissingNode()).isTrue();
    assertThat(security.at("/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
  }

  @Test
  void tmpIsAWritableEmptyDirBecauseTheRootFilesystemIsNot() {
    JsonNode pod = manifest.one("Deployment").at("/spec/template/spec");

    assertThat(manifest.operatorContainer().path("volumeMounts"))
        .anySatisfy(
            m -> {
              assertThat(m.path("name").asText()).isEqualTo("tmp");
              assertThat(m.path("mountPath").asText()).isEqualTo("/tmp");
              assertThat(m.path("readOnly").asBoolean(false)).isFalse();
            });
    assertThat(pod.path("volumes"))
        .anySatisfy(
            v -> {
              assertThat(v.path("name").asText()).isEqualTo("tmp");
              assertThat(v.has("emptyDir")).isTrue();
            });
  }

  @Test
  void requestsAndLimitsAreSet() {
    JsonNode resources = manifest.operatorContainer().path("resources");

    assertThat(resources.at("/requests/cpu").asText()).isEqualTo("100m");
    assertThat(resources.at("/requests/memory").asText()).isEqualTo("256Mi");
    assertThat(resources.at("/limits/cpu").asText()).isEqualTo("1");
    assertThat(resources.at("/limits/memory").asText()).isEqualTo("512Mi");
  }

  @Test
  void probesUseTheQuarkusHealthEndpointsOnPort8080() {
    JsonNode container = manifest.operatorContainer();

    assertThat(container.path("ports"))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.path("name").asText()).isEqualTo("http");
              assertThat(p.path("containerPort").asInt()).isEqualTo(8080);
            });
    assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
    assertThat(container.at("/livenessProbe/httpGet/port").asText()).isEqualTo("http");
    assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
    assertThat(container.at("/readinessProbe/httpGet/port").asText()).isEqualTo("http");
    assertThat(container.at("/startupProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
    assertThat(
            container.at("/startupProbe/failureThreshold").asInt()
                * container.at("/startupProbe/periodSeconds").asInt())
        .as("seconds the JVM has to start")
        .isGreaterThanOrEqualTo(60);
  }

  @Test
  void metricsServiceSelectsTheOperatorPodsOnPort8080() {
    JsonNode service = manifest.one("Service");
    JsonNode podLabels = manifest.one("Deployment").at("/spec/template/metadata/labels");

    assertThat(service.at("/spec/ports/0/port").asInt()).isEqualTo(8080);
    assertThat(service.at("/spec/ports/0/targetPort").asText()).isEqualTo("http");
    assertThat(service.at("/spec/ports/0/name").asText()).isEqualTo("http");
    service
        .at("/spec/selector")
        .fields()
        .forEachRemaining(
            e -> assertThat(podLabels.path(e.getKey()).asText()).isEqualTo(e.getValue().asText()));
    assertThat(service.at("/spec/selector").size()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void deploymentSelectorMatchesItsPodTemplate() {
    JsonNode deployment = manifest.one("Deployment");
    JsonNode podLabels = deployment.at("/spec/template/metadata/labels");

    deployment
        .at("/spec/selector/matchLabels")
        .fields()
        .forEachRemaining(
            e -> assertThat(podLabels.path(e.getKey()).asText()).isEqualTo(e.getValue().asText()));
  }

  @Test
  void everyNamespacedObjectNamesTheReleaseNamespace() {
    for (JsonNode o : manifest.objects()) {
      String kind = o.path("kind").asText();
      if (!kind.startsWith("Cluster")) {
        assertThat(o.at("/metadata/namespace").asText())
            .as(Manifest.id(o))
            .isEqualTo(Chart.NAMESPACE);
      }
    }
  }
}
