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
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * CapHpa with the cluster's real HPA controller (kube-controller-manager). The test bed has no
 * metrics server, so the HPA computes no recommendation of its own; what it still does, before
 * reading any metric, is bring a Deployment running more replicas than its {@code maxReplicas} down
 * to it. That is the part of the HPA a cap relies on, and what this test drives: the cap lowers
 * {@code maxReplicas} below the replicas running, the HPA controller scales the Deployment down to
 * it, the cap never rises above the owner's {@code maxReplicas} when the grant grows, follows the
 * owner's own change, and deleting the policy gives the owner's value back. It does not show the
 * HPA scaling up on load under the cap (no metrics to scale on).
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
    client.resource(hpa("checkout", 30)).create();
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
        .until(
            () ->
                client.apps().deployments().withName("checkout").get().getSpec().getReplicas()
                    == cap);

    // Load for 40 replicas and a budget for all of them: the grant carries the policy's
    // replicas.max of 40, and the cap rises to the owner's 30, not to 40.
    prometheus.setLoad(LOAD_METRIC, Map.of("ns", ns.name(), "app", "checkout"), 400);
    resizeBudget(client, 10_000);
    await("the cap rises to the owner's maxReplicas")
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> maxReplicas(client, highest) == 30);
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

    resizeBudget(client, 40);
    await("capped again")
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> maxReplicas(client, highest) <= 7);
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

  private static int maxReplicas(KubernetesClient client, AtomicInteger highest) {
    int max = hpa(client).getSpec().getMaxReplicas();
    highest.accumulateAndGet(max, Math::max);
    return max;
  }

  private static HorizontalPodAutoscaler hpa(String name, int max) {
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
        .withType("Resource")
        .withNewResource()
        .withName("cpu")
        .withNewTarget()
        .withType("Utilization")
        .withAverageUtilization(70)
        .endTarget()
        .endResource()
        .endMetric()
        .endSpec()
        .build();
  }
}
