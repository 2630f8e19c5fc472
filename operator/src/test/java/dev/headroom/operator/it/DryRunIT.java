package dev.headroom.operator.it;

import static dev.headroom.operator.it.Fixtures.LOAD_METRIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.headroom.operator.api.v1alpha1.DecisionRecord;
import dev.headroom.operator.api.v1alpha1.ScalingPolicy;
import dev.headroom.operator.status.Conditions;
import dev.headroom.testbed.Prometheus;
import dev.headroom.testbed.TestNamespace;
import dev.headroom.testbed.WithTestBed;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DryRun decides and explains exactly as Enforce would, and never writes the target. */
@WithTestBed(prometheus = true)
@WithOperator(log = "operator-dry-run")
class DryRunIT {

  private static OperatorProcess operator;

  @Test
  void recordsTheDecisionsButNeverWritesTheTarget(
      KubernetesClient client, TestNamespace ns, Prometheus prometheus) throws Exception {
    client.resource(Fixtures.budget("pg", 200, 20)).create();
    client.resource(Fixtures.web("web", 2, 10)).create();
    prometheus.setLoad(LOAD_METRIC, Map.of("ns", ns.name(), "app", "web"), 300);
    // Once its pods are ready the controller manager stops writing the Deployment: from then on
    // any change of resourceVersion would be Headroom's.
    await()
        .atMost(Duration.ofMinutes(1))
        .until(
            () -> {
              var d = client.apps().deployments().withName("web").get();
              return d.getStatus() != null
                  && Integer.valueOf(2).equals(d.getStatus().getReadyReplicas())
                  && Integer.valueOf(2).equals(d.getStatus().getUpdatedReplicas());
            });
    Thread.sleep(2_000);
    String before =
        client.apps().deployments().withName("web").get().getMetadata().getResourceVersion();
    client.resource(Fixtures.policy("web", ns.name(), "pg", "DryRun")).create();

    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              ScalingPolicy p = client.resources(ScalingPolicy.class).withName("web").get();
              return p.getStatus() != null
                  && p.getStatus().getDesiredReplicas() != null
                  && p.getStatus().getHistory().stream()
                      .anyMatch(h -> Boolean.TRUE.equals(h.getDryRun()));
            });
    // Several more reconciles (sync period 2 s) must not touch the Deployment either.
    Thread.sleep(8_000);

    ScalingPolicy p = client.resources(ScalingPolicy.class).withName("web").get();
    DecisionRecord record = p.getStatus().getHistory().get(p.getStatus().getHistory().size() - 1);
    assertThat(record.getDryRun()).isTrue();
    assertThat(record.getFromReplicas()).isEqualTo(2);
    assertThat(record.getToReplicas())
        .isEqualTo(p.getStatus().getDesiredReplicas())
        .isGreaterThan(2);
    assertThat(p.getStatus().getRequestedReplicas()).isEqualTo(30);
    assertThat(p.getStatus().getPoolSize()).isNotNull();
    assertThat(Conditions.find(p.getStatus().getConditions(), "Ready").get().getReason())
        .isEqualTo("DryRun");
    assertThat(p.getStatus().getRecommendations())
        .extracting(r -> r.getSource())
        .contains("Reactive", "Bounds");

    var deployment = client.apps().deployments().withName("web").get();
    assertThat(deployment.getMetadata().getResourceVersion()).isEqualTo(before);
    assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
    assertThat(
            deployment
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getEnv()
                .get(0)
                .getValue())
        .isEqualTo("10");
    await("the Event, sent off the reconcile thread")
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(client.v1().events().list().getItems())
                    .anySatisfy(e -> assertThat(e.getReason()).isEqualTo("DryRunDecision")));

    assertThat(scrape())
        .contains("headroom_decisions_total")
        .contains("outcome=\"dry_run\"")
        .contains("headroom_policy_replicas{")
        .contains("policy=\"web\"")
        .contains("headroom_budget_grant_connections{")
        .contains("headroom_reconcile_seconds");

    // Deleting the policy releases its grant, leaves the workload as it is and removes the
    // policy's gauges (they would keep alerts firing otherwise).
    client.resources(ScalingPolicy.class).withName("web").delete();
    await()
        .atMost(Duration.ofMinutes(1))
        .until(
            () -> {
              var b =
                  client
                      .resources(dev.headroom.operator.api.v1alpha1.ConnectionBudget.class)
                      .withName("pg")
                      .get();
              return b.getStatus() != null
                  && b.getStatus().getConsumers().isEmpty()
                  && Integer.valueOf(0).equals(b.getStatus().getAllocated());
            });
    assertThat(client.apps().deployments().withName("web").get().getMetadata().getResourceVersion())
        .isEqualTo(before);
    awaitNoSeries(
        "gauges of the deleted policy",
        l -> l.contains("policy=\"web\"") || l.contains("policy=\"" + ns.name() + "/web\""));
    assertThat(scrape())
        .contains("headroom_decisions_total")
        .contains("headroom_reconcile_seconds")
        .contains("headroom_budget_available_connections{");

    // Deleting the budget removes its gauges as well.
    client
        .resources(dev.headroom.operator.api.v1alpha1.ConnectionBudget.class)
        .withName("pg")
        .delete();
    awaitNoSeries(
        "gauges of the deleted budget",
        l -> l.startsWith("headroom_budget_") && l.contains("budget=\"pg\""));
    assertThat(scrape()).contains("headroom_decisions_total");

    // SIGTERM while leading: the operator gives up its Lease and exits (no shutdown deadlock).
    assertThat(operator.stopGracefully(Duration.ofSeconds(20))).as("exited on SIGTERM").isTrue();
  }

  /** Waits until no line of the operator's metrics matches {@code series}. */
  private static void awaitNoSeries(String what, java.util.function.Predicate<String> series) {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(scrape().lines().filter(series)).as(what).isEmpty());
  }

  private static String scrape() throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(operator.metricsUrl()).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }
}
