package dev.headroom.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** {@code helm template} with values at the edges of what the chart supports. */
class EdgeValuesTest {

  @Test
  void oneReplicaHasNoPodDisruptionBudgetButKeepsLeaderElection() {
    Manifest m = Chart.template("replicas: 1\n");

    assertThat(m.one("Deployment").at("/spec/replicas").asInt()).isEqualTo(1);
    assertThat(m.ofKind("PodDisruptionBudget")).isEmpty();
    assertThat(m.operatorEnv()).containsEntry("HEADROOM_LEADER_ELECTION_ENABLED", "true");
  }

  @Test
  void oneReplicaMayRunWithoutLeaderElection() {
    Manifest m = Chart.template("replicas: 1\nleaderElection: {enabled: false}\n");

    assertThat(m.operatorEnv()).containsEntry("HEADROOM_LEADER_ELECTION_ENABLED", "false");
  }

  @Test
  void severalReplicasWithoutLeaderElectionAreRefused() {
    String error = Chart.templateError("replicas: 3\nleaderElection: {enabled: false}\n");

    assertThat(error)
        .contains("replicas is 3 but leaderElection.enabled is false")
        .contains("fight over every workload");
  }

  @Test
  void zeroReplicasStopsTheOperator() {
    Manifest m = Chart.template("replicas: 0\n");

    assertThat(m.one("Deployment").at("/spec/replicas").asInt()).isZero();
    assertThat(m.ofKind("PodDisruptionBudget")).isEmpty();
  }

  @Test
  void customImageRepositoryTagAndPullPolicy() {
    Manifest m =
        Chart.template(
            """
        image:
          repository: registry.example:5000/platform/headroom
          tag: 0.2.0-rc.1
          pullPolicy: Always
        imagePullSecrets: [{name: registry-creds}]
        """);

    assertThat(m.operatorContainer().path("image").asText())
        .isEqualTo("registry.example:5000/platform/headroom:0.2.0-rc.1");
    assertThat(m.operatorContainer().path("imagePullPolicy").asText()).isEqualTo("Always");
    assertThat(m.one("Deployment").at("/spec/template/spec/imagePullSecrets/0/name").asText())
        .isEqualTo("registry-creds");
  }

  @Test
  void imagePinnedByDigest() {
    String digest = "sha256:" + "ab".repeat(32);

    assertThat(
            Chart.template("image: {digest: \"" + digest + "\"}\n")
                .operatorContainer()
                .path("image")
                .asText())
        .isEqualTo("ghcr.io/headroom-dev/headroom-operator@" + digest);
    assertThat(
            Chart.template("image: {tag: \"0.1.0\", digest: \"" + digest + "\"}\n")
                .operatorContainer()
                .path("image")
                .asText())
        .isEqualTo("ghcr.io/headroom-dev/headroom-operator:0.1.0@" + digest);
  }

  @Test
  void prometheusTokenAndCaFromASecretAndAConfigMap() {
    Manifest m =
        Chart.template(
            """
        prometheus:
          url: https://thanos-querier.openshift-monitoring.svc:9091/prometheus
          timeout: 10s
          bearerTokenSecret: {name: prometheus-reader, key: token}
          caConfigMap: {name: serving-ca, key: service-ca.crt}
        syncPeriod: 30s
        """);
    JsonNode pod = m.one("Deployment").at("/spec/template/spec");

    assertThat(m.operatorEnv())
        .containsEntry(
            "HEADROOM_PROMETHEUS_URL",
            "https://thanos-querier.openshift-monitoring.svc:9091/prometheus")
        .containsEntry("HEADROOM_PROMETHEUS_TIMEOUT", "10s")
        .containsEntry(
            "HEADROOM_PROMETHEUS_BEARER_TOKEN_FILE", "/etc/headroom/prometheus-token/token")
        .containsEntry("HEADROOM_PROMETHEUS_CA_FILE", "/etc/headroom/prometheus-ca/service-ca.crt")
        .containsEntry("HEADROOM_SYNC_PERIOD", "30s");
    assertThat(pod.path("volumes"))
        .anySatisfy(
            v -> {
              assertThat(v.at("/secret/secretName").asText()).isEqualTo("prometheus-reader");
            });
    assertThat(pod.path("volumes"))
        .anySatisfy(
            v -> {
              assertThat(v.at("/configMap/name").asText()).isEqualTo("serving-ca");
            });
    assertThat(m.operatorContainer().path("volumeMounts"))
        .filteredOn(v -> v.path("mountPath").asText().startsWith("/etc/headroom/"))
        .hasSize(2)
        .allSatisfy(v -> assertThat(v.path("readOnly").asBoolean()).isTrue());
  }

  @Test
  void prometheusFilesGivenAsPaths() {
    Manifest m =
        Chart.template(
            """
        prometheus:
          bearerTokenFile: /var/run/secrets/kubernetes.io/serviceaccount/token
          caFile: /var/run/secrets/kubernetes.io/serviceaccount/service-ca.crt
          insecureSkipTlsVerify: true
        """);

    assertThat(m.operatorEnv())
        .containsEntry(
            "HEADROOM_PROMETHEUS_BEARER_TOKEN_FILE",
            "/var/run/secrets/kubernetes.io/serviceaccount/token")
        .containsEntry(
            "HEADROOM_PROMETHEUS_CA_FILE",
            "/var/run/secrets/kubernetes.io/serviceaccount/service-ca.crt")
        .containsEntry("HEADROOM_PROMETHEUS_INSECURE_SKIP_TLS_VERIFY", "true");
  }

  @Test
  void aTokenFileAndATokenSecretTogetherAreRefused() {
    assertThat(
            Chart.templateError(
                """
        prometheus:
          bearerTokenFile: /token
          bearerTokenSecret: {name: prometheus-reader}
        """))
        .contains("set prometheus.bearerTokenFile or prometheus.bearerTokenSecret.name, not both");
  }

  @Test
  void extraEnvVolumesAndPodLabelsAreAddedButCannotBreakTheSelector() {
    Manifest m =
        Chart.template(
            """
        extraEnv:
          - {name: HEADROOM_BUDGET_SYNC_PERIOD, value: 1m}
        extraVolumes:
          - {name: extra, emptyDir: {}}
        extraVolumeMounts:
          - {name: extra, mountPath: /extra}
        podLabels:
          team: platform
          app.kubernetes.io/name: something-else
        podAnnotations: {example.com/owner: platform}
        logLevel: DEBUG
        """);
    JsonNode template = m.one("Deployment").at("/spec/template");

    assertThat(m.operatorEnv())
        .containsEntry("HEADROOM_BUDGET_SYNC_PERIOD", "1m")
        .containsEntry("QUARKUS_LOG_CATEGORY__DEV_HEADROOM__LEVEL", "DEBUG");
    assertThat(m.operatorContainer().path("volumeMounts"))
        .anySatisfy(v -> assertThat(v.path("mountPath").asText()).isEqualTo("/extra"));
    assertThat(template.at("/metadata/labels/team").asText()).isEqualTo("platform");
    assertThat(template.at("/metadata/labels/app.kubernetes.io~1name").asText())
        .isEqualTo("headroom");
    assertThat(template.at("/metadata/annotations/example.com~1owner").asText())
        .isEqualTo("platform");
  }

  @Test
  void antiAffinityPresetsAndAnExplicitAffinity() {
    JsonNode soft = Chart.templateDefaults().one("Deployment").at("/spec/template/spec/affinity");
    JsonNode hard =
        Chart.template("podAntiAffinity: hard\n")
            .one("Deployment")
            .at("/spec/template/spec/affinity");
    JsonNode none =
        Chart.template("podAntiAffinity: none\n")
            .one("Deployment")
            .at("/spec/template/spec/affinity");
    JsonNode own =
        Chart.template(
                """
        affinity:
          nodeAffinity:
            requiredDuringSchedulingIgnoredDuringExecution:
              nodeSelectorTerms:
                - matchExpressions: [{key: pool, operator: In, values: [system]}]
        """)
            .one("Deployment")
            .at("/spec/template/spec/affinity");

    assertThat(soft.at("/podAntiAffinity/preferredDuringSchedulingIgnoredDuringExecution"))
        .hasSize(1);
    assertThat(hard.at("/podAntiAffinity/requiredDuringSchedulingIgnoredDuringExecution"))
        .hasSize(1);
    assertThat(none.isMissingNode()).isTrue();
    assertThat(own.has("podAntiAffinity")).isFalse();
    assertThat(own.has("nodeAffinity")).isTrue();
  }

  @Test
  void labelsTheChartOwnsAreRefused() {
    assertThat(Chart.templateError("prometheusRule: {alertLabels: {severity: page}}\n"))
        .contains("prometheusRule.alertLabels may not set severity");
    assertThat(Chart.templateError("grafanaDashboard: {labels: {grafana_dashboard: \"0\"}}\n"))
        .contains("grafanaDashboard.labels may not set grafana_dashboard");
  }

  @Test
  void existingServiceAccountAndNameOverrides() {
    Manifest m =
        Chart.template(
            """
        fullnameOverride: autoscaler
        serviceAccount: {create: false, name: platform-autoscaler}
        """);

    assertThat(m.ofKind("ServiceAccount")).isEmpty();
    assertThat(m.one("Deployment").at("/metadata/name").asText()).isEqualTo("autoscaler");
    assertThat(m.one("Deployment").at("/spec/template/spec/serviceAccountName").asText())
        .isEqualTo("platform-autoscaler");
    assertThat(m.one("ClusterRoleBinding").at("/subjects/0/name").asText())
        .isEqualTo("platform-autoscaler");
  }

  @Test
  void anExistingServiceAccountMustBeNamed() {
    assertThat(Chart.templateError("serviceAccount: {create: false}\n"))
        .contains("serviceAccount.name is required when serviceAccount.create is false");
  }

  @Test
  void everyEdgeCombinationAtOnce() {
    Manifest m =
        Chart.template(
            """
        replicas: 1
        watchNamespaces: [shop]
        image: {repository: registry.example/headroom, tag: dev}
        serviceMonitor: {enabled: true}
        prometheusRule: {enabled: true}
        grafanaDashboard: {enabled: true, namespace: monitoring}
        """);

    assertThat(m.kindsAndNames())
        .containsExactlyInAnyOrder(
            "ServiceAccount/headroom-system/headroom",
            "Role/shop/headroom",
            "RoleBinding/shop/headroom",
            "Role/headroom-system/headroom-leader-election",
            "RoleBinding/headroom-system/headroom-leader-election",
            "ClusterRole/headroom-headroom-system-namespace-reader",
            "ClusterRoleBinding/headroom-headroom-system-namespace-reader",
            "Deployment/headroom-system/headroom",
            "Service/headroom-system/headroom-metrics",
            "ServiceMonitor/headroom-system/headroom",
            "PrometheusRule/headroom-system/headroom",
            "ConfigMap/monitoring/headroom-dashboard");
    assertThat(m.operatorContainer().path("image").asText())
        .isEqualTo("registry.example/headroom:dev");
  }
}
