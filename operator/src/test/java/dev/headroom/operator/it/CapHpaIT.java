package dev.headroom.operator.it;

import static dev.headroom.operator.it.Fixtures.LOAD_METRIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.headroom.operator.api.v1alpha1.ConnectionBudget;
import dev.headroom.operator.api.v1alpha1.Ownership;
import dev.headroom.operator.api.v1alpha1.ScalingPolicy;
import dev.headroom.operator.policy.HpaCapper;
import dev.headroom.testbed.Prometheus;
import dev.headroom.testbed.TestNamespace;
import dev.headroom.testbed.WithTestBed;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * CapHpa with the cluster's real HPA controller (kube-controller-manager), scaling on the same load
 * as the policy: the external metric {@code headroom_it_load} that the test bed's
 * prometheus-adapter serves from Prometheus, 10 per pod. The cap lowers {@code maxReplicas} below
 * the replicas the load asks for, and the HPA, limited by it, scales the Deployment down to it;
 * when the budget grows, the cap rises to the owner's {@code maxReplicas} and no higher, and the
 * HPA scales up on the load to it; the owner's own change is adopted; deleting the policy gives the
 * owner's value back.
 */
@WithTestBed(prometheus = true)
@WithOperator(log = "operator-cap-hpa")
class CapHpaIT {

  @Test
  void theCapOnlyLowersTheOwnersMaxTheHpaEnforcesItAndDeletingThePolicyRestoresIt(
      KubernetesClient client, TestNamespace ns, Prometheus prometheus) {
    // 10 replicas at pool 5 hold 55 connections with their surge pod; the budget has 40.
    client.resource(Fixtures.budget("pg", 40, 0)).create();
    client.resource(Fixtures.web("checkout", 10, 5)).create();
    client.resource(hpa("checkout", ns.name(), 30)).create();
    prometheus.setLoad(LOAD_METRIC, Map.of("ns", ns.name(), "app", "checkout"), 100);
    ScalingPolicy policy = Fixtures.policy("checkout", ns.name(), "pg", "Enforce");
    policy.getSpec().setOwnership(Ownership.CAP_HPA);
    client.resource(policy).create();

    AtomicInteger highest = new AtomicInteger();
    // Grant at most 40 at pool 5 with one surge pod: maxReplicas at most 40 / 5 - 1 = 7.
    await("the HPA capped below the 10 replicas running")
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> maxReplicas(client, highest) <= 7);
    HorizontalPodAutoscaler capped = hpa(client);
    int cap = capped.getSpec().getMaxReplicas();
    assertThat(capped.getMetadata().getAnnotations())
        .containsEntry(HpaCapper.OWNER_MAX, "30")
        .containsEntry(HpaCapper.CAPPED_MAX, Integer.toString(cap))
        .containsEntry(HpaCapper.CAPPED_BY, "checkout");
    await("the HPA controller scales the Deployment down to the cap")
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> replicas(client) == cap);
    await("the HPA reads the load, asks for 10, and is limited by the cap")
        .atMost(Duration.ofMinutes(1))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () ->
                assertThat(hpa(client).getStatus().getConditions())
                    .anySatisfy(
                        c -> {
                          assertThat(c.getType()).isEqualTo("ScalingLimited");
                          assertThat(c.getStatus()).isEqualTo("True");
                          assertThat(c.getReason()).isEqualTo("TooManyReplicas");
                        }));

    // Load for 40 replicas and a budget for all of them: the grant carries the policy's
    // replicas.max of 40, and the cap rises to the owner's 30, not to 40.
    prometheus.setLoad(LOAD_METRIC, Map.of("ns", ns.name(), "app", "checkout"), 400);
    resizeBudget(client, 10_000);
    await("the cap rises to the owner's maxReplicas")
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> maxReplicas(client, highest) == 30);
    await("the HPA scales up on the load, to the owner's 30")
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> replicas(client) == 30);
    // The owner lowers maxReplicas itself: that is the new ceiling.
    UserEdit.of(
        client.autoscaling().v2().horizontalPodAutoscalers().withName("checkout"),
        h -> {
          h.getSpec().setMaxReplicas(25);
          return h;
        });
    await("the owner's change is adopted")
        .atMost(Duration.ofMinutes(1))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> "25".equals(hpa(client).getMetadata().getAnnotations().get(HpaCapper.OWNER_MAX)));
    assertThat(hpa(client).getSpec().getMaxReplicas()).isEqualTo(25);
    await("the HPA follows the owner's 25")
        .atMost(Duration.ofMinutes(1))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> replicas(client) == 25);

    resizeBudget(client, 40);
    // The cap may first be lower (counted at the larger pool the pods still run, it rises once
    // they run the smaller one): in the end the HPA runs exactly as many as the cap allows.
    await("capped again, and the HPA scales down to it")
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              int max = maxReplicas(client, highest);
              return max <= 7 && replicas(client) == max;
            });
    assertThat(highest.get()).as("maxReplicas never above the owner's 30").isLessThanOrEqualTo(30);

    client.resources(ScalingPolicy.class).withName("checkout").delete();
    await("the policy is gone once the HPA is restored")
        .atMost(Duration.ofMinutes(1))
        .until(() -> client.resources(ScalingPolicy.class).withName("checkout").get() == null);
    HorizontalPodAutoscaler restored = hpa(client);
    assertThat(restored.getSpec().getMaxReplicas()).isEqualTo(25);
    assertThat(restored.getMetadata().getAnnotations())
        .doesNotContainKeys(HpaCapper.OWNER_MAX, HpaCapper.CAPPED_MAX, HpaCapper.CAPPED_BY);
  }

  private static void resizeBudget(KubernetesClient client, int maxConnections) {
    UserEdit.of(
        client.resources(ConnectionBudget.class).withName("pg"),
        b -> {
          b.getSpec().setMaxConnections(maxConnections);
          return b;
        });
  }

  private static HorizontalPodAutoscaler hpa(KubernetesClient client) {
    return client.autoscaling().v2().horizontalPodAutoscalers().withName("checkout").get();
  }

  private static int replicas(KubernetesClient client) {
    return client.apps().deployments().withName("checkout").get().getSpec().getReplicas();
  }

  private static int maxReplicas(KubernetesClient client, AtomicInteger highest) {
    int max = hpa(client).getSpec().getMaxReplicas();
    highest.accumulateAndGet(max, Math::max);
    return max;
  }

  /** An HPA on the policy's own load and target: 10 per pod of {@code LOAD_METRIC}. */
  private static HorizontalPodAutoscaler hpa(String name, String namespace, int max) {
    return new HorizontalPodAutoscalerBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .withNewScaleTargetRef()
        .withApiVersion("apps/v1")
        .withKind("Deployment")
        .withName(name)
        .endScaleTargetRef()
        .withMinReplicas(1)
        .withMaxReplicas(max)
        .addNewMetric()
        .withType("External")
        .withNewExternal()
        .withNewMetric()
        .withName(LOAD_METRIC)
        .withNewSelector()
        .withMatchLabels(Map.of("ns", namespace, "app", name))
        .endSelector()
        .endMetric()
        .withNewTarget()
        .withType("AverageValue")
        .withAverageValue(new Quantity("10"))
        .endTarget()
        .endExternal()
        .endMetric()
        .endSpec()
        .build();
  }
}
