package dev.headroom.operator.it;

import static dev.headroom.operator.it.Fixtures.LOAD_METRIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.headroom.operator.api.v1alpha1.ScalingPolicy;
import dev.headroom.operator.status.Conditions;
import dev.headroom.testbed.Prometheus;
import dev.headroom.testbed.TestBed;
import dev.headroom.testbed.TestNamespace;
import dev.headroom.testbed.WithTestBed;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Prometheus stopped mid-run: no scale-in on missing data, said so, and recovery after. */
@WithTestBed(prometheus = true)
@WithOperator(log = "operator-fail-static", env = "HEADROOM_PROMETHEUS_TIMEOUT=1s")
class FailStaticIT {

  private static OperatorProcess operator;

  @Test
  void keepsReplicasWhilePrometheusIsDownAndScalesInOnceItIsBack(
      KubernetesClient client, TestNamespace ns, Prometheus prometheus, TestBed bed)
      throws Exception {
    Map<String, String> series = Map.of("ns", ns.name(), "app", "api");
    client.resource(Fixtures.web("api", 1, 10)).create();
    prometheus.setLoad(LOAD_METRIC, series, 50);
    client.resource(Fixtures.plainPolicy("api", ns.name(), "Enforce")).create();
    await().atMost(Duration.ofMinutes(2)).until(() -> replicas(client) == 5);

    // Time from a load change to the scale patch: Prometheus scrapes every 1 s, the policy
    // re-evaluates every 2 s (HEADROOM_SYNC_PERIOD in OperatorProcess).
    long changed = System.nanoTime();
    prometheus.setLoad(LOAD_METRIC, series, 80);
    await()
        .atMost(Duration.ofMinutes(1))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> replicas(client) == 8);
    System.out.printf(
        "load change -> scale patch: %d ms%n", (System.nanoTime() - changed) / 1_000_000);

    PrometheusControl control = new PrometheusControl(bed);
    control.kill();
    try {
      prometheus.setLoad(LOAD_METRIC, series, 10); // would scale in to 1, if it could be read
      await()
          .atMost(Duration.ofMinutes(1))
          .until(
              () ->
                  !Conditions.isTrue(policy(client).getStatus().getConditions(), "MetricsAvailable")
                      && Conditions.find(
                              policy(client).getStatus().getConditions(), "MetricsAvailable")
                          .isPresent());
      Thread.sleep(10_000); // five sync periods without data
      assertThat(replicas(client)).isEqualTo(8);
      var condition =
          Conditions.find(policy(client).getStatus().getConditions(), "MetricsAvailable").get();
      assertThat(condition.getReason()).isEqualTo("MetricsUnavailable");
      assertThat(condition.getMessage()).contains("never scaling in on missing data");
      await("the Event, sent off the reconcile thread")
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(client.v1().events().list().getItems())
                      .anySatisfy(e -> assertThat(e.getReason()).isEqualTo("MetricsUnavailable")));
    } finally {
      control.restart();
    }
    await()
        .atMost(Duration.ofMinutes(2))
        .until(
            () ->
                replicas(client) == 1
                    && Conditions.isTrue(
                        policy(client).getStatus().getConditions(), "MetricsAvailable"));
    assertThat(operator.alive()).isTrue();
  }

  private static int replicas(KubernetesClient client) {
    return client.apps().deployments().withName("api").get().getSpec().getReplicas();
  }

  private static ScalingPolicy policy(KubernetesClient client) {
    return client.resources(ScalingPolicy.class).withName("api").get();
  }
}
