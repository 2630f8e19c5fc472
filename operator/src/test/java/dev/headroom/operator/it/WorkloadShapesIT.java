package dev.headroom.operator.it;

import static dev.headroom.operator.it.Fixtures.LOAD_METRIC;
import static dev.headroom.operator.it.Fixtures.POOL_ENV;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.headroom.operator.api.v1alpha1.LoadSignal;
import dev.headroom.operator.api.v1alpha1.PoolSizeRange;
import dev.headroom.operator.api.v1alpha1.ScalingPolicy;
import dev.headroom.testbed.Prometheus;
import dev.headroom.testbed.TestNamespace;
import dev.headroom.testbed.WithTestBed;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Targets and policies of other shapes than the web Deployment most tests use, on the real API
 * server: a StatefulSet, a Deployment whose surge is a percentage, and a policy with two signals.
 */
@WithTestBed(prometheus = true)
@WithOperator(log = "operator-workload-shapes")
class WorkloadShapesIT {

  @Test
  void aStatefulSetIsScaledThroughItsScaleSubresourceAndItsPoolResized(
      KubernetesClient client, TestNamespace ns, Prometheus prometheus) {
    client.resource(Fixtures.budget("pg-sts", 100, 0)).create();
    client.resource(statefulSet("reader", 2, 20)).create();
    prometheus.setLoad(LOAD_METRIC, Map.of("ns", ns.name(), "app", "reader"), 60);
    ScalingPolicy policy = Fixtures.policy("reader", ns.name(), "pg-sts", "Enforce");
    policy.getSpec().getTargetRef().setKind("StatefulSet");
    client.resource(policy).create();

    // 6 replicas wanted; a StatefulSet surges no pod, so 6 × pool ≤ 100 allows pool 16 at most.
    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              StatefulSet s = client.apps().statefulSets().withName("reader").get();
              assertThat(s.getSpec().getReplicas()).isEqualTo(6);
              int pool = Integer.parseInt(env(s));
              assertThat(pool).isBetween(5, 16);
              ScalingPolicy p = client.resources(ScalingPolicy.class).withName("reader").get();
              assertThat(p.getStatus().getMaxSurge()).isZero();
              assertThat(p.getStatus().getPoolSize()).isEqualTo(pool);
            });
  }

  @Test
  void aPercentageSurgeIsCountedAtTheReplicaCountItScalesTo(
      KubernetesClient client, TestNamespace ns, Prometheus prometheus) throws Exception {
    client.resource(Fixtures.budget("pg-surge", 100, 0)).create();
    Deployment web = Fixtures.web("half", 2, 10);
    web.getSpec().getStrategy().getRollingUpdate().setMaxSurge(new IntOrString("50%"));
    client.resource(web).create();
    prometheus.setLoad(LOAD_METRIC, Map.of("ns", ns.name(), "app", "half"), 80);
    ScalingPolicy policy = Fixtures.policy("half", ns.name(), "pg-surge", "Enforce");
    policy.getSpec().getConnections().setPoolSize(fixedPool(10));
    client.resource(policy).create();

    // The load asks for 8; at 8 a 50 % surge adds 4 pods: (8 + 4) × 10 = 120 > 100. At 6 it adds
    // 3: (6 + 3) × 10 = 90 fits, at 7 it adds 4: 110 does not. Counting the surge of the count it
    // scales from (2 replicas: 1 pod) would have allowed 9.
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              assertThat(replicas(client, "half")).isEqualTo(6);
              ScalingPolicy p = client.resources(ScalingPolicy.class).withName("half").get();
              assertThat(p.getStatus().getLimitedBy()).isEqualTo("Budget");
            });
    Thread.sleep(3_000);
    assertThat(replicas(client, "half")).as("stays within the budget").isEqualTo(6);
  }

  @Test
  void twoSignalsScaleToTheLargerOfTheirAsks(
      KubernetesClient client, TestNamespace ns, Prometheus prometheus) {
    client.resource(Fixtures.web("duo", 1, 10)).create();
    Map<String, String> rps = Map.of("ns", ns.name(), "app", "duo");
    Map<String, String> queue = Map.of("ns", ns.name(), "app", "duo-queue");
    prometheus.setLoad(LOAD_METRIC, rps, 30); // 3 replicas at 10 each
    prometheus.setLoad(LOAD_METRIC, queue, 40); // 8 replicas at 5 each
    ScalingPolicy policy = Fixtures.plainPolicy("duo", ns.name(), "Enforce");
    LoadSignal second = new LoadSignal();
    second.setName("queue");
    second.setQuery(LOAD_METRIC + "{ns=\"" + ns.name() + "\",app=\"duo-queue\"}");
    second.setType(policy.getSpec().getLoad().getSignals().get(0).getType());
    second.setTarget(5.0);
    policy.getSpec().getLoad().getSignals().add(second);
    client.resource(policy).create();

    await().atMost(Duration.ofMinutes(2)).until(() -> replicas(client, "duo") == 8);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> String.valueOf(reactiveDetail(client, "duo")).startsWith("reactive: queue -> 8"));
    // The queue drains: the request rate's 3 replicas win once the scale-down window (3 s) passed.
    prometheus.setLoad(LOAD_METRIC, queue, 5);
    await().atMost(Duration.ofMinutes(2)).until(() -> replicas(client, "duo") == 3);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> String.valueOf(reactiveDetail(client, "duo")).startsWith("reactive: load -> 3"));
  }

  /**
   * The winning signal's sentence in status ("reactive: queue -> 8", maybe "(within tolerance)").
   */
  private static String reactiveDetail(KubernetesClient client, String name) {
    return client
        .resources(ScalingPolicy.class)
        .withName(name)
        .get()
        .getStatus()
        .getRecommendations()
        .stream()
        .filter(r -> "Reactive".equals(r.getSource()))
        .map(r -> r.getDetail())
        .findFirst()
        .orElse(null);
  }

  private static PoolSizeRange fixedPool(int size) {
    PoolSizeRange range = new PoolSizeRange();
    range.setMin(size);
    range.setMax(size);
    return range;
  }

  /** A StatefulSet that starts its pods in parallel, its pool in an env var. */
  private static StatefulSet statefulSet(String name, int replicas, int pool) {
    return new StatefulSetBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .withReplicas(replicas)
        .withServiceName(name)
        .withPodManagementPolicy("Parallel")
        .withNewSelector()
        .addToMatchLabels("app", name)
        .endSelector()
        .withTemplate(Fixtures.podTemplate(name, pool))
        .endSpec()
        .build();
  }

  private static String env(StatefulSet s) {
    return s.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
        .filter(e -> POOL_ENV.equals(e.getName()))
        .findFirst()
        .orElseThrow()
        .getValue();
  }

  private static int replicas(KubernetesClient client, String name) {
    return client.apps().deployments().withName(name).get().getSpec().getReplicas();
  }
}
