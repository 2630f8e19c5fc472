package dev.headroom.operator.it;

import static dev.headroom.operator.it.Fixtures.LOAD_METRIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.headroom.operator.api.v1alpha1.ScalingPolicy;
import dev.headroom.operator.status.Conditions;
import dev.headroom.testbed.Prometheus;
import dev.headroom.testbed.TestNamespace;
import dev.headroom.testbed.WithTestBed;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Policies sharing one query and picking their series with matchLabels: a load change wakes the
 * policy whose value left its band and no other, and a steady policy runs no rounds (its resync is
 * set far away here, so every scale below comes from a wake-up).
 */
@WithTestBed(prometheus = true)
@WithOperator(log = "operator-shared-signal", env = "HEADROOM_RESYNC_PERIOD=30m")
class SharedSignalIT {

  private static OperatorProcess operator;

  static ScalingPolicy shared(String name, String namespace, Map<String, String> matchLabels) {
    ScalingPolicy p = Fixtures.plainPolicy(name, namespace, "Enforce");
    var signal = p.getSpec().getLoad().getSignals().get(0);
    signal.setQuery(LOAD_METRIC);
    signal.setMatchLabels(matchLabels);
    return p;
  }

  @Test
  void aLoadChangeWakesOnlyThePolicyWhoseSeriesMoved(
      KubernetesClient client, TestNamespace ns, Prometheus prometheus) throws Exception {
    Map<String, String> cart = Map.of("ns", ns.name(), "app", "cart");
    Map<String, String> pay = Map.of("ns", ns.name(), "app", "pay");
    client.resource(Fixtures.web("cart", 1, 10)).create();
    client.resource(Fixtures.web("pay", 1, 10)).create();
    prometheus.setLoad(LOAD_METRIC, cart, 50);
    prometheus.setLoad(LOAD_METRIC, pay, 20);
    client.resource(shared("cart", ns.name(), cart)).create();
    client.resource(shared("pay", ns.name(), pay)).create();
    await()
        .atMost(Duration.ofMinutes(2))
        .until(() -> replicas(client, "cart") == 5 && replicas(client, "pay") == 2);
    // Let the rollouts' status changes (which wake the policies too) die down.
    await()
        .atMost(Duration.ofMinutes(1))
        .until(
            () ->
                client.apps().deployments().list().getItems().stream()
                    .allMatch(
                        d ->
                            d.getStatus() != null
                                && Integer.valueOf(d.getSpec().getReplicas())
                                    .equals(d.getStatus().getReadyReplicas())));
    Thread.sleep(3_000);

    double roundsBefore =
        metric("headroom_reconcile_seconds_count", "controller=\"scalingpolicy\"");
    Thread.sleep(8_000);
    double quietRounds =
        metric("headroom_reconcile_seconds_count", "controller=\"scalingpolicy\"") - roundsBefore;
    // With the 2 s sync period of the test operator, two polled policies would run 8 rounds.
    assertThat(quietRounds).as("rounds of steady policies in 8 s").isLessThan(3);

    prometheus.setLoad(LOAD_METRIC, cart, 53); // within the tolerance band of 5 replicas: no round
    prometheus.setLoad(LOAD_METRIC, pay, 60); // 6 replicas
    await()
        .atMost(Duration.ofMinutes(1))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> replicas(client, "pay") == 6);
    assertThat(replicas(client, "cart")).isEqualTo(5);
    assertThat(metric("headroom_signal_wakeups_total", null)).isGreaterThanOrEqualTo(1);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> metric("headroom_signal_to_scale_seconds_count", null) >= 1);
  }

  @Test
  void aSelectorThatMatchesNoSeriesIsReportedAndChangesNothing(
      KubernetesClient client, TestNamespace ns, Prometheus prometheus) {
    client.resource(Fixtures.web("orphan", 3, 10)).create();
    prometheus.setLoad(LOAD_METRIC, Map.of("ns", ns.name(), "app", "other"), 5);
    client.resource(shared("orphan", ns.name(), Map.of("ns", ns.name(), "app", "orphan"))).create();
    await()
        .atMost(Duration.ofMinutes(1))
        .until(
            () -> {
              ScalingPolicy p = client.resources(ScalingPolicy.class).withName("orphan").get();
              return p.getStatus() != null
                  && Conditions.find(p.getStatus().getConditions(), "MetricsAvailable")
                      .map(
                          c ->
                              "False".equals(c.getStatus())
                                  && c.getMessage()
                                      .contains(
                                          "no series with {app=\"orphan\", ns=\""
                                              + ns.name()
                                              + "\"}"))
                      .orElse(false);
            });
    assertThat(replicas(client, "orphan")).isEqualTo(3);
  }

  private static int replicas(KubernetesClient client, String name) {
    return client.apps().deployments().withName(name).get().getSpec().getReplicas();
  }

  /** Sum of an operator metric's samples whose labels contain {@code labels} (null: all). */
  private static double metric(String name, String labels)
      throws IOException, InterruptedException {
    String body =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(operator.metricsUrl()).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    double sum = 0;
    for (String line : body.split("\n")) {
      if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
        if (labels == null || line.contains(labels)) {
          sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }
      }
    }
    return sum;
  }
}
