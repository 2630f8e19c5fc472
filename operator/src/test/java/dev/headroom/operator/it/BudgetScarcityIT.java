package dev.headroom.operator.it;

import static dev.headroom.operator.it.Fixtures.LOAD_METRIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.headroom.operator.api.v1alpha1.AllocationStrategy;
import dev.headroom.operator.api.v1alpha1.ConnectionBudget;
import dev.headroom.operator.api.v1alpha1.ConsumerGrant;
import dev.headroom.operator.api.v1alpha1.PoolSizeRange;
import dev.headroom.operator.api.v1alpha1.ScalingPolicy;
import dev.headroom.operator.status.Conditions;
import dev.headroom.testbed.Prometheus;
import dev.headroom.testbed.TestNamespace;
import dev.headroom.testbed.WithTestBed;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A budget too small for what its consumers ask, on the real API server: {@code Priority} serves
 * the highest priority first, and guarantees that do not fit make the budget {@code Overcommitted}
 * until its owner gives it room. Pools are fixed at 10 so the arithmetic is the reader's.
 */
@WithTestBed(prometheus = true)
@WithOperator(log = "operator-budget-scarcity")
class BudgetScarcityIT {

  @Test
  void priorityServesTheHighestPriorityBeyondTheGuarantees(
      KubernetesClient client, TestNamespace ns, Prometheus prometheus) {
    ConnectionBudget budget = Fixtures.budget("pg-priority", 100, 0);
    budget.getSpec().setAllocation(AllocationStrategy.PRIORITY);
    client.resource(budget).create();
    consumer(client, ns, prometheus, "gold", 10, "pg-priority");
    consumer(client, ns, prometheus, "bronze", 1, "pg-priority");

    // Both ask for 10 replicas: (10 + 1 surge) x 10 = 110 each, 220 against 100. Guarantees
    // (1 + 1) x 10 = 20 each; the other 60 go to gold: 80 = (7 + 1) x 10, bronze keeps 20 = 1 + 1.
    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              assertThat(replicas(client, "gold")).isEqualTo(7);
              assertThat(replicas(client, "bronze")).isEqualTo(1);
              ConnectionBudget b =
                  client.resources(ConnectionBudget.class).withName("pg-priority").get();
              assertThat(b.getStatus().getConsumers())
                  .extracting(c -> c.getPolicy().replaceFirst(".*/", ""), ConsumerGrant::getGrant)
                  .containsExactlyInAnyOrder(
                      org.assertj.core.groups.Tuple.tuple("gold", 80),
                      org.assertj.core.groups.Tuple.tuple("bronze", 20));
              assertThat(Conditions.isTrue(b.getStatus().getConditions(), "Overcommitted"))
                  .isFalse();
              for (String name : new String[] {"gold", "bronze"}) {
                assertThat(policy(client, name).getStatus().getLimitedBy())
                    .as(name)
                    .isEqualTo("Budget");
              }
            });
  }

  @Test
  void guaranteesThatDoNotFitMakeTheBudgetOvercommittedUntilItGrows(
      KubernetesClient client, TestNamespace ns, Prometheus prometheus) {
    client.resource(Fixtures.budget("pg-over", 30, 0)).create();
    consumer(client, ns, prometheus, "left", 0, "pg-over");
    consumer(client, ns, prometheus, "right", 0, "pg-over");

    // Guarantees (1 + 1) x 10 = 20 each: 40 against 30.
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              ConnectionBudget b =
                  client.resources(ConnectionBudget.class).withName("pg-over").get();
              assertThat(Conditions.isTrue(b.getStatus().getConditions(), "Overcommitted"))
                  .as("%s", b.getStatus().getConditions())
                  .isTrue();
              assertThat(b.getStatus().getConsumers().stream().mapToInt(ConsumerGrant::getGrant))
                  .hasSize(2);
              assertThat(
                      b.getStatus().getConsumers().stream().mapToInt(ConsumerGrant::getGrant).sum())
                  .isLessThanOrEqualTo(30);
            });

    client
        .resources(ConnectionBudget.class)
        .withName("pg-over")
        .edit(
            b -> {
              b.getSpec().setMaxConnections(100);
              return b;
            });
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              ConnectionBudget b =
                  client.resources(ConnectionBudget.class).withName("pg-over").get();
              assertThat(Conditions.isTrue(b.getStatus().getConditions(), "Overcommitted"))
                  .isFalse();
              assertThat(replicas(client, "left")).isEqualTo(4);
              assertThat(replicas(client, "right")).isEqualTo(4);
            });
  }

  /** A web Deployment at 1 replica and a policy asking for load / 10 replicas, pool fixed at 10. */
  private static void consumer(
      KubernetesClient client,
      TestNamespace ns,
      Prometheus prometheus,
      String name,
      int priority,
      String budget) {
    client.resource(Fixtures.web(name, 1, 10)).create();
    prometheus.setLoad(LOAD_METRIC, Map.of("ns", ns.name(), "app", name), priority > 0 ? 100 : 40);
    ScalingPolicy policy = Fixtures.policy(name, ns.name(), budget, "Enforce");
    policy.getSpec().getReplicas().setMax(10);
    PoolSizeRange pool = new PoolSizeRange();
    pool.setMin(10);
    pool.setMax(10);
    policy.getSpec().getConnections().setPoolSize(pool);
    policy.getSpec().getConnections().setPriority(priority);
    client.resource(policy).create();
  }

  private static ScalingPolicy policy(KubernetesClient client, String name) {
    return client.resources(ScalingPolicy.class).withName(name).get();
  }

  private static int replicas(KubernetesClient client, String name) {
    return client.apps().deployments().withName(name).get().getSpec().getReplicas();
  }
}
