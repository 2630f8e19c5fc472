package dev.headroom.operator.it;

import static dev.headroom.operator.it.Fixtures.LOAD_METRIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.headroom.operator.api.v1alpha1.ConnectionBudget;
import dev.headroom.operator.api.v1alpha1.ConsumerPhase;
import dev.headroom.operator.api.v1alpha1.ScalingPolicy;
import dev.headroom.testbed.Prometheus;
import dev.headroom.testbed.TestBed;
import dev.headroom.testbed.TestNamespace;
import dev.headroom.testbed.WithTestBed;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The operator is killed with SIGKILL while one consumer is shrinking and the other waits to grow,
 * and started again: it resumes from what status says, and the live cluster never holds more
 * connections than the budget, before, during or after.
 */
@WithTestBed(prometheus = true)
class OperatorRestartIT {

  private static final long AVAILABLE = 120;

  @Test
  void resumesAfterKillNineMidTransitionWithoutBreakingTheBudget(
      KubernetesClient client, TestNamespace ns, Prometheus prometheus, TestBed bed)
      throws Exception {
    OperatorProcess.install(bed, client);
    client.resource(Fixtures.budget("pg", 120, 0)).create();
    for (String s : new String[] {"left", "right"}) {
      client.resource(Fixtures.web(s, 1, 5)).create();
      client.resource(Fixtures.policy(s, ns.name(), "pg", "Enforce")).create();
    }
    prometheus.setLoad(LOAD_METRIC, Map.of("ns", ns.name(), "app", "left"), 300);
    prometheus.setLoad(LOAD_METRIC, Map.of("ns", ns.name(), "app", "right"), 10);

    OperatorProcess first =
        new OperatorProcess(bed, client, Map.of(), "operator-restart-1").start();
    OperatorProcess second = null;
    try (ConnectionSampler sampler =
        new ConnectionSampler(client, ns.name(), Fixtures.POOL_ENV, 150)) {
      await("left takes most of the budget")
          .atMost(Duration.ofMinutes(3))
          .until(
              () ->
                  stable(client)
                      && SharedBudgetIT.settled(client, "left")
                      && SharedBudgetIT.settled(client, "right")
                      && replicas(client, "left") > 5);

      // Swap the load: left must shrink before right may grow.
      prometheus.setLoad(LOAD_METRIC, Map.of("ns", ns.name(), "app", "left"), 10);
      prometheus.setLoad(LOAD_METRIC, Map.of("ns", ns.name(), "app", "right"), 300);
      await("a consumer mid-transition")
          .atMost(Duration.ofMinutes(1))
          .pollInterval(Duration.ofMillis(100))
          .until(
              () ->
                  budget(client).getStatus().getConsumers().stream()
                      .anyMatch(
                          g ->
                              g.getPhase() == ConsumerPhase.SHRINKING
                                  || g.getPhase() == ConsumerPhase.WAITING));
      first.kill();
      assertThat(first.alive()).isFalse();
      Thread.sleep(3_000);
      second = new OperatorProcess(bed, client, Map.of(), "operator-restart-2").start();

      await("right takes most of the budget")
          .atMost(Duration.ofMinutes(3))
          .until(
              () ->
                  stable(client)
                      && SharedBudgetIT.settled(client, "left")
                      && SharedBudgetIT.settled(client, "right")
                      && replicas(client, "right") > 5
                      && replicas(client, "left") == 1);
      assertThat(sampler.failure()).isNull();
      System.out.printf(
          "restart: %d samples (longest gap %d ms), max %d of %d connections (%s)%n",
          sampler.samples(), sampler.maxGapMillis(), sampler.max(), AVAILABLE, sampler.maxDetail());
      assertThat(sampler.max()).as(sampler.maxDetail()).isLessThanOrEqualTo(AVAILABLE);
      assertThat(sampler.maxGapMillis()).isLessThan(1000);
    } finally {
      first.close();
      if (second != null) {
        second.close();
      }
    }
  }

  private static ConnectionBudget budget(KubernetesClient client) {
    return client.resources(ConnectionBudget.class).withName("pg").get();
  }

  private static boolean stable(KubernetesClient client) {
    ConnectionBudget b = budget(client);
    return b.getStatus() != null
        && b.getStatus().getConsumers().size() == 2
        && b.getStatus().getConsumers().stream()
            .allMatch(
                g -> g.getPhase() == ConsumerPhase.STABLE && g.getGrant().equals(g.getTarget()));
  }

  private static int replicas(KubernetesClient client, String name) {
    return client
        .resources(ScalingPolicy.class)
        .withName(name)
        .get()
        .getStatus()
        .getCurrentReplicas();
  }
}
