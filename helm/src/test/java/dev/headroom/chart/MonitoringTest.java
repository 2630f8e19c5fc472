package dev.headroom.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** ServiceMonitor, PrometheusRule and the Grafana dashboard, switched on. */
class MonitoringTest {

  private static Manifest manifest;

  @BeforeAll
  static void render() {
    manifest =
        Chart.template(
            """
        serviceMonitor:
          enabled: true
          labels: {release: kube-prometheus-stack}
        prometheusRule:
          enabled: true
          labels: {release: kube-prometheus-stack}
          alertLabels: {team: platform}
        grafanaDashboard:
          enabled: true
          annotations: {grafana_folder: Headroom}
        """);
  }

  @Test
  void offByDefault() {
    Manifest defaults = Chart.templateDefaults();

    assertThat(defaults.ofKind("ServiceMonitor")).isEmpty();
    assertThat(defaults.ofKind("PrometheusRule")).isEmpty();
    assertThat(defaults.ofKind("ConfigMap")).isEmpty();
  }

  @Test
  void serviceMonitorScrapesQMetricsOfTheMetricsService() {
    JsonNode monitor = manifest.one("ServiceMonitor");
    JsonNode service = manifest.one("Service");

    assertThat(monitor.path("apiVersion").asText()).isEqualTo("monitoring.coreos.com/v1");
    assertThat(monitor.at("/metadata/labels/release").asText()).isEqualTo("kube-prometheus-stack");
    assertThat(monitor.at("/spec/endpoints/0/port").asText())
        .isEqualTo(service.at("/spec/ports/0/name").asText());
    assertThat(monitor.at("/spec/endpoints/0/path").asText()).isEqualTo("/q/metrics");
    assertThat(monitor.at("/spec/endpoints/0/honorLabels").asBoolean())
        .as("the metrics' own namespace label must survive the scrape")
        .isTrue();
    assertThat(monitor.at("/spec/namespaceSelector/matchNames/0").asText())
        .isEqualTo(Chart.NAMESPACE);
    monitor
        .at("/spec/selector/matchLabels")
        .fields()
        .forEachRemaining(
            e ->
                assertThat(service.at("/metadata/labels").path(e.getKey()).asText())
                    .isEqualTo(e.getValue().asText()));
  }

  @Test
  void prometheusRuleHasTheFourAlerts() {
    Map<String, JsonNode> alerts = alerts(manifest);

    assertThat(alerts.keySet())
        .containsExactlyInAnyOrder(
            "HeadroomBudgetOvercommitted", "HeadroomBudgetBreached",
            "HeadroomPolicyBudgetLimited", "HeadroomPolicyMetricsUnavailable");
    assertThat(expr(alerts, "HeadroomBudgetOvercommitted"))
        .isEqualTo("max by (namespace, budget) (headroom_budget_overcommitted) == 1");
    assertThat(expr(alerts, "HeadroomPolicyBudgetLimited"))
        .isEqualTo("max by (namespace, policy) (headroom_policy_budget_limited) == 1");
    assertThat(alerts.get("HeadroomPolicyBudgetLimited").path("for").asText()).isEqualTo("30m");
    assertThat(expr(alerts, "HeadroomPolicyMetricsUnavailable"))
        .isEqualTo("max by (namespace, policy) (headroom_policy_metrics_available) == 0");
    assertThat(alerts.get("HeadroomPolicyMetricsUnavailable").path("for").asText())
        .isEqualTo("10m");
    assertThat(expr(alerts, "HeadroomBudgetBreached"))
        .isEqualTo(
            "max by (namespace, budget) (headroom_budget_held_connections)"
                + " > max by (namespace, budget) (headroom_budget_available_connections)");
    assertThat(alerts.get("HeadroomBudgetBreached").at("/labels/severity").asText())
        .isEqualTo("critical");
  }

  @Test
  void everyAlertHasSeverityExtraLabelsAndTemplatedText() {
    for (JsonNode alert : alerts(manifest).values()) {
      assertThat(alert.at("/labels/severity").asText()).isNotEmpty();
      assertThat(alert.at("/labels/team").asText()).isEqualTo("platform");
      assertThat(alert.at("/annotations/summary").asText()).contains("{{ $labels.namespace }}/");
      assertThat(alert.at("/annotations/description").asText()).isNotBlank();
      assertThat(alert.path("for").asText()).matches("[0-9]+[smh]");
    }
  }

  @Test
  void alertsCanBeTunedAndSwitchedOffOneByOne() {
    Manifest tuned =
        Chart.template(
            """
        prometheusRule:
          enabled: true
          alerts:
            policyBudgetLimited: {for: 1h, severity: info}
            budgetBreached: {enabled: false}
        """);
    Map<String, JsonNode> alerts = alerts(tuned);

    assertThat(alerts).doesNotContainKey("HeadroomBudgetBreached").hasSize(3);
    assertThat(alerts.get("HeadroomPolicyBudgetLimited").path("for").asText()).isEqualTo("1h");
    assertThat(alerts.get("HeadroomPolicyBudgetLimited").at("/labels/severity").asText())
        .isEqualTo("info");
  }

  @Test
  void noPrometheusRuleWhenEveryAlertIsOff() {
    Manifest none =
        Chart.template(
            """
        prometheusRule:
          enabled: true
          alerts:
            budgetOvercommitted: {enabled: false}
            budgetBreached: {enabled: false}
            policyBudgetLimited: {enabled: false}
            metricsUnavailable: {enabled: false}
        """);

    assertThat(none.ofKind("PrometheusRule")).isEmpty();
  }

  @Test
  void dashboardConfigMapIsPickedUpByTheGrafanaSidecar() throws JsonProcessingException {
    JsonNode configMap = manifest.one("ConfigMap");
    JsonNode dashboard = Chart.JSON.readTree(configMap.at("/data/headroom.json").asText());

    assertThat(configMap.at("/metadata/labels/grafana_dashboard").asText()).isEqualTo("1");
    assertThat(configMap.at("/metadata/annotations/grafana_folder").asText()).isEqualTo("Headroom");
    assertThat(dashboard.path("uid").asText()).isEqualTo("headroom-overview");
    assertThat(dashboard)
        .isEqualTo(Chart.readJson(Chart.DIR.resolve("files/grafana-dashboard.json")));
  }

  /** Each decision that changed replicas or a pool is marked on every panel. */
  @Test
  void dashboardAnnotatesDecisions() throws JsonProcessingException {
    JsonNode dashboard =
        Chart.JSON.readTree(manifest.one("ConfigMap").at("/data/headroom.json").asText());
    Map<String, String> annotations = new LinkedHashMap<>();
    dashboard
        .at("/annotations/list")
        .forEach(a -> annotations.put(a.path("name").asText(), a.path("expr").asText()));

    assertThat(annotations).containsOnlyKeys("Replica decisions", "Pool decisions");
    assertThat(annotations.get("Replica decisions"))
        .contains("changes(headroom_policy_replicas{kind=\"desired\"");
    assertThat(annotations.get("Pool decisions")).contains("changes(headroom_policy_pool_size{");
    dashboard
        .at("/annotations/list")
        .forEach(
            a -> {
              assertThat(a.path("enable").asBoolean()).isTrue();
              assertThat(a.at("/datasource/uid").asText()).isEqualTo("${datasource}");
              assertThat(a.path("tagKeys").asText()).isEqualTo("namespace,policy");
            });
  }

  @Test
  void dashboardHasTheRequiredPanels() throws JsonProcessingException {
    JsonNode dashboard =
        Chart.JSON.readTree(manifest.one("ConfigMap").at("/data/headroom.json").asText());
    Map<String, List<String>> panels = new LinkedHashMap<>();
    for (JsonNode panel : dashboard.path("panels")) {
      List<String> exprs = new ArrayList<>();
      panel.path("targets").forEach(t -> exprs.add(t.path("expr").asText()));
      panels.put(panel.path("title").asText(), exprs);
    }

    assertThat(panels.get("Replicas: desired vs current"))
        .anyMatch(e -> e.contains("headroom_policy_replicas{kind=\"desired\""))
        .anyMatch(e -> e.contains("headroom_policy_replicas{kind=\"current\""));
    assertThat(panels.get("Pool size per replica"))
        .anyMatch(e -> e.contains("headroom_policy_pool_size"));
    assertThat(panels.get("Allocation per consumer"))
        .anyMatch(e -> e.contains("headroom_budget_grant_connections"));
    assertThat(panels.get("Budget: available, allocated, held"))
        .anyMatch(e -> e.contains("headroom_budget_available_connections"))
        .anyMatch(e -> e.contains("headroom_budget_allocated_connections"))
        .anyMatch(e -> e.contains("headroom_budget_held_connections"));
    assertThat(panels.get("Decisions by winning source"))
        .containsExactly("sum by (winner) (rate(headroom_decisions_total[5m]))");
    for (JsonNode panel : dashboard.path("panels")) {
      if (!"row".equals(panel.path("type").asText())) {
        assertThat(panel.at("/datasource/uid").asText())
            .as(panel.path("title").asText())
            .isEqualTo("${datasource}");
      }
    }
  }

  private static Map<String, JsonNode> alerts(Manifest m) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    for (JsonNode group : m.one("PrometheusRule").at("/spec/groups")) {
      for (JsonNode rule : group.path("rules")) {
        out.put(rule.path("alert").asText(), rule);
      }
    }
    return out;
  }

  private static String expr(Map<String, JsonNode> alerts, String name) {
    return alerts.get(name).path("expr").asText().replaceAll("\\s+", " ").trim();
  }
}
