package dev.headroom.operator.it;

import static dev.headroom.operator.it.Fixtures.LOAD_METRIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.headroom.operator.api.v1alpha1.DeliveryType;
import dev.headroom.operator.api.v1alpha1.PoolDeliverySpec;
import dev.headroom.operator.api.v1alpha1.ScalingPolicy;
import dev.headroom.operator.pool.ConfigMapPoolDelivery;
import dev.headroom.testbed.Prometheus;
import dev.headroom.testbed.TestNamespace;
import dev.headroom.testbed.WithTestBed;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The two pool deliveries besides an env var, on the real API server: a pod-template annotation
 * (rolled out like an env var) and a ConfigMap key the application reloads, whose shrink must be
 * confirmed before the workload grows (here after an apply time of 20 s).
 */
@WithTestBed(prometheus = true)
@WithOperator(log = "operator-pool-delivery", env = "HEADROOM_CONFIG_MAP_APPLY_TIME=20s")
class PoolDeliveryIT {

  static final Duration APPLY_TIME = Duration.ofSeconds(20);
  static final String POOL_ANNOTATION = "example.com/db-pool-size";

  @Test
  void aConfigMapShrinkIsGivenItsApplyTimeBeforeTheWorkloadGrows(
      KubernetesClient client, TestNamespace ns, Prometheus prometheus) throws Exception {
    client.resource(Fixtures.budget("pg-cm", 100, 0)).create();
    client
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("cm-pool")
                .endMetadata()
                .addToData("pool", "20")
                .build())
        .create();
    client.resource(Fixtures.web("cm", 2, 20)).create();
    prometheus.setLoad(LOAD_METRIC, Map.of("ns", ns.name(), "app", "cm"), 20);
    ScalingPolicy policy = Fixtures.policy("cm", ns.name(), "pg-cm", "Enforce");
    PoolDeliverySpec delivery = new PoolDeliverySpec();
    delivery.setType(DeliveryType.CONFIG_MAP);
    delivery.setConfigMapName("cm-pool");
    delivery.setKey("pool");
    policy.getSpec().getConnections().setDelivery(delivery);
    client.resource(policy).create();
    await()
        .atMost(Duration.ofMinutes(2))
        .until(
            () -> {
              ScalingPolicy p = client.resources(ScalingPolicy.class).withName("cm").get();
              return p.getStatus() != null
                  && Integer.valueOf(2).equals(p.getStatus().getDesiredReplicas());
            });
    assertThat(configMapPool(client)).isEqualTo(20);

    // 8 replicas fit 100 connections only with pool ≤ 11: (8 + 1 surge) × 11 = 99. The pool
    // shrinks first; the pods may run 20 until the apply time has passed, so 8 × 20 cannot start.
    prometheus.setLoad(LOAD_METRIC, Map.of("ns", ns.name(), "app", "cm"), 80);
    await()
        .atMost(Duration.ofMinutes(1))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> configMapPool(client) < 20);
    assertThat(note(client)).containsEntry(ConfigMapPoolDelivery.SETTLING_FROM, "20");

    // Until the last change to the ConfigMap is an apply time old (the engine may adjust the
    // smaller pool once more meanwhile), the pods count at 20 and the workload does not grow.
    Instant confirmed;
    while (Instant.now()
        .isBefore(
            (confirmed =
                    Instant.parse(note(client).get(ConfigMapPoolDelivery.CHANGED_AT))
                        .plus(APPLY_TIME))
                .minusSeconds(2))) {
      assertThat(replicas(client, "cm"))
          .as("replicas while the pods may still hold 20 connections each")
          .isEqualTo(2);
      assertThat(note(client)).containsEntry(ConfigMapPoolDelivery.SETTLING_FROM, "20");
      Thread.sleep(500);
    }
    await().atMost(Duration.ofMinutes(1)).until(() -> replicas(client, "cm") == 8);
    assertThat(Instant.now()).isAfterOrEqualTo(confirmed);
    int pool = configMapPool(client);
    assertThat(pool).isBetween(5, 11);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        client
                            .resources(ScalingPolicy.class)
                            .withName("cm")
                            .get()
                            .getStatus()
                            .getPoolSize())
                    .isEqualTo(pool));
  }

  private static Map<String, String> note(KubernetesClient client) {
    return client.configMaps().withName("cm-pool").get().getMetadata().getAnnotations();
  }

  @Test
  void anAnnotationPoolRollsThePodsAndTheWorkloadGrowsAfterTheRollout(
      KubernetesClient client, TestNamespace ns, Prometheus prometheus) {
    client.resource(Fixtures.budget("pg-ann", 100, 0)).create();
    Deployment web = Fixtures.web("ann", 2, 20);
    web.getSpec().getTemplate().getMetadata().setAnnotations(Map.of(POOL_ANNOTATION, "20"));
    client.resource(web).create();
    prometheus.setLoad(LOAD_METRIC, Map.of("ns", ns.name(), "app", "ann"), 80);
    ScalingPolicy policy = Fixtures.policy("ann", ns.name(), "pg-ann", "Enforce");
    PoolDeliverySpec delivery = new PoolDeliverySpec();
    delivery.setType(DeliveryType.ANNOTATION);
    delivery.setKey(POOL_ANNOTATION);
    policy.getSpec().getConnections().setDelivery(delivery);
    client.resource(policy).create();

    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              Deployment d = client.apps().deployments().withName("ann").get();
              int pool =
                  Integer.parseInt(
                      d.getSpec()
                          .getTemplate()
                          .getMetadata()
                          .getAnnotations()
                          .get(POOL_ANNOTATION));
              assertThat(pool).isBetween(5, 11);
              assertThat(d.getSpec().getReplicas()).isEqualTo(8);
              List<Pod> pods = client.pods().withLabel("app", "ann").list().getItems();
              assertThat(pods)
                  .filteredOn(p -> p.getMetadata().getDeletionTimestamp() == null)
                  .hasSize(8)
                  .allSatisfy(
                      p ->
                          assertThat(p.getMetadata().getAnnotations())
                              .containsEntry(POOL_ANNOTATION, Integer.toString(pool)));
              ScalingPolicy p = client.resources(ScalingPolicy.class).withName("ann").get();
              assertThat(p.getStatus().getPoolSize()).isEqualTo(pool);
            });
  }

  private static int configMapPool(KubernetesClient client) {
    return Integer.parseInt(client.configMaps().withName("cm-pool").get().getData().get("pool"));
  }

  private static int replicas(KubernetesClient client, String name) {
    return client.apps().deployments().withName(name).get().getSpec().getReplicas();
  }
}
