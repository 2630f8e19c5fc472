package dev.headroom.operator.it;

import static dev.headroom.operator.it.Fixtures.LOAD_METRIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.headroom.operator.api.v1alpha1.ScalingPolicy;
import dev.headroom.operator.status.Conditions;
import dev.headroom.testbed.Prometheus;
import dev.headroom.testbed.TestNamespace;
import dev.headroom.testbed.WithTestBed;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Another autoscaler on the target is reported and left alone; CapHpa caps it by the budget. */
@WithTestBed(prometheus = true)
@WithOperator(log = "operator-conflict")
class ConflictIT {

  @Test
  void anHpaOnTheSameTargetIsAConflictAndHeadroomDoesNotScale(
      KubernetesClient client, TestNamespace ns, Prometheus prometheus) throws Exception {
    client.resource(Fixtures.web("shop", 2, 10)).create();
    client.resource(hpa("shop", 10)).create();
    prometheus.setLoad(LOAD_METRIC, Map.of("ns", ns.name(), "app", "shop"), 300);
    client.resource(Fixtures.plainPolicy("shop", ns.name(), "Enforce")).create();

    await()
        .atMost(Duration.ofMinutes(1))
        .until(
            () -> {
              ScalingPolicy p = client.resources(ScalingPolicy.class).withName("shop").get();
              return p.getStatus() != null
                  && Conditions.isTrue(p.getStatus().getConditions(), "Conflict");
            });
    ScalingPolicy p = client.resources(ScalingPolicy.class).withName("shop").get();
    assertThat(Conditions.find(p.getStatus().getConditions(), "Conflict").get().getMessage())
        .contains("HorizontalPodAutoscaler shop")
        .contains("CapHpa");
    assertThat(Conditions.find(p.getStatus().getConditions(), "Ready").get().getReason())
        .isEqualTo("ConflictingAutoscaler");
    Thread.sleep(6_000);
    assertThat(client.apps().deployments().withName("shop").get().getSpec().getReplicas())
        .as("Headroom must not fight the HPA")
        .isLessThanOrEqualTo(10);
    assertThat(
            client.resources(ScalingPolicy.class).withName("shop").get().getStatus().getHistory())
        .isEmpty();
  }

  @Test
  void capHpaLowersMaxReplicasToWhatTheBudgetAllows(
      KubernetesClient client, TestNamespace ns, Prometheus prometheus) {
    client.resource(Fixtures.budget("pg", 200, 20)).create();
    client.resource(Fixtures.web("checkout", 2, 10)).create();
    client.resource(hpa("checkout", 50)).create();
    prometheus.setLoad(LOAD_METRIC, Map.of("ns", ns.name(), "app", "checkout"), 300);
    ScalingPolicy policy = Fixtures.policy("checkout", ns.name(), "pg", "Enforce");
    policy.getSpec().setOwnership(dev.headroom.operator.api.v1alpha1.Ownership.CAP_HPA);
    client.resource(policy).create();

    // One consumer: grant 180; 30 replicas fit at pool 5, so maxReplicas = 180 / 5 - 1 surge = 35.
    java.util.concurrent.atomic.AtomicInteger lowest =
        new java.util.concurrent.atomic.AtomicInteger(50);
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              int max =
                  client
                      .autoscaling()
                      .v2()
                      .horizontalPodAutoscalers()
                      .withName("checkout")
                      .get()
                      .getSpec()
                      .getMaxReplicas();
              lowest.accumulateAndGet(max, Math::min);
              return max == 35;
            });
    assertThat(lowest.get())
        .as("maxReplicas never below the 2 replicas running")
        .isGreaterThanOrEqualTo(2);
    // The status of the round that patched the HPA to 35 is written right after the patch (an
    // earlier round may have capped it lower while the larger pool was still rolled out).
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                client
                    .resources(ScalingPolicy.class)
                    .withName("checkout")
                    .get()
                    .getStatus()
                    .getHistory()
                    .stream()
                    .anyMatch(
                        h ->
                            h.getReason().contains("maxReplicas")
                                && h.getReason().contains("→ 35")));
    ScalingPolicy p = client.resources(ScalingPolicy.class).withName("checkout").get();
    assertThat(Conditions.isTrue(p.getStatus().getConditions(), "Conflict")).isFalse();
    assertThat(p.getStatus().getHistory())
        .anySatisfy(
            h ->
                assertThat(h.getReason())
                    .contains("HorizontalPodAutoscaler checkout maxReplicas")
                    .contains("→ 35"));
    await("the Event, sent off the reconcile thread")
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(client.v1().events().list().getItems())
                    .anySatisfy(e -> assertThat(e.getReason()).isEqualTo("HpaCapped")));
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
