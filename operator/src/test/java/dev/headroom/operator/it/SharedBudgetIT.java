package dev.headroom.operator.it;

import static dev.headroom.operator.it.Fixtures.LOAD_METRIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.headroom.operator.api.v1alpha1.ConnectionBudget;
import dev.headroom.operator.api.v1alpha1.ConsumerGrant;
import dev.headroom.operator.api.v1alpha1.ConsumerPhase;
import dev.headroom.operator.api.v1alpha1.ScalingPolicy;
import dev.headroom.operator.status.Conditions;
import dev.headroom.testbed.Postgres;
import dev.headroom.testbed.Prometheus;
import dev.headroom.testbed.TestBed;
import dev.headroom.testbed.TestNamespace;
import dev.headroom.testbed.WithTestBed;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Three Deployments share one ConnectionBudget (200, 20 reserved) and each asks for 30 replicas:
 * the live cluster, sampled every 150 ms through the pool rollouts, never holds more than 180
 * connections; when one service's load falls, the others grow into its share only after it came
 * down. The pods' connections are real (the test bed's connection emulator opens each pod's pool on
 * PostgreSQL), and {@code pg_stat_activity}, sampled every 150 ms too, never counts more than 180
 * of them.
 */
@WithTestBed(
    prometheus = true,
    postgres = true,
    postgresMaxConnections = SharedBudgetIT.MAX_CONNECTIONS)
@WithOperator(log = "operator-shared-budget")
class SharedBudgetIT {

  static final int MAX_CONNECTIONS = 200;

  private static final List<String> SERVICES = List.of("orders", "payments", "search");
  private static final long AVAILABLE = 180;
  private static OperatorProcess operator;

  @BeforeAll
  static void startOperator(TestBed bed, KubernetesClient client, Postgres postgres) {
    bed.connections(Duration.ZERO);
  }

  @Test
  void threeServicesNeverExceedTheBudgetAndReleasedConnectionsMoveOnlyAfterTheShrink(
      KubernetesClient client, TestNamespace ns, Prometheus prometheus, Postgres postgres)
      throws Exception {
    client.resource(Fixtures.budget("pg", MAX_CONNECTIONS, 20)).create();
    for (String s : SERVICES) {
      var web = Fixtures.web(s, 2, 10);
      web.getSpec().getTemplate().getMetadata().getLabels().put("headroom.dev/connections", "real");
      client.resource(web).create();
      prometheus.setLoad(LOAD_METRIC, Map.of("ns", ns.name(), "app", s), 10);
      client.resource(Fixtures.policy(s, ns.name(), "pg", "Enforce")).create();
    }
    try (ConnectionSampler sampler =
            new ConnectionSampler(client, ns.name(), Fixtures.POOL_ENV, 150);
        DatabaseSampler db = new DatabaseSampler(postgres, ns.name(), AVAILABLE, 150)) {
      // Each asks for 300/10 = 30 replicas: (30 + 1 surge) × pool 5..20 is far above a third of
      // 180.
      for (String s : SERVICES) {
        prometheus.setLoad(LOAD_METRIC, Map.of("ns", ns.name(), "app", s), 300);
      }
      awaitExplained(
          client,
          "all three budget-limited and settled",
          () ->
              budgetStable(client)
                  && SERVICES.stream()
                      .allMatch(
                          s ->
                              settled(client, s)
                                  && Integer.valueOf(30)
                                      .equals(policy(client, s).getStatus().getRequestedReplicas())
                                  && fitsGrant(client, s)
                                  && Conditions.isTrue(
                                      policy(client, s).getStatus().getConditions(),
                                      "BudgetLimited")));

      ConnectionBudget budget = client.resources(ConnectionBudget.class).withName("pg").get();
      String view = describe(client, budget);
      assertThat(budget.getStatus().getConsumers())
          .as(view)
          .hasSize(3)
          .allSatisfy(g -> assertThat(g.getGrant()).as(view).isEqualTo(60));
      assertThat(budget.getStatus().getAllocated()).isLessThanOrEqualTo((int) AVAILABLE);
      for (String s : SERVICES) {
        ScalingPolicy p = policy(client, s);
        assertThat(p.getStatus().getDesiredReplicas()).isEqualTo(11); // 60 / 5 - 1 surge
        assertThat(p.getStatus().getPoolSize()).isEqualTo(5);
        assertThat(p.getStatus().getRequestedReplicas()).isEqualTo(30);
        assertThat(
                Conditions.find(p.getStatus().getConditions(), "BudgetLimited").get().getMessage())
            .contains("ConnectionBudget " + ns.name() + "/pg");
        assertThat(p.getStatus().getHistory()).isNotEmpty();
      }
      await("the Events, sent off the reconcile thread")
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                assertThat(events(client, e -> "BudgetLimited".equals(e.getReason()))).isNotEmpty();
                assertThat(events(client, e -> "Scaled".equals(e.getReason()))).isNotEmpty();
                assertThat(events(client, e -> "GrantsUpdated".equals(e.getReason()))).isNotEmpty();
              });

      // Load on orders falls to one replica's worth: it shrinks, then the others grow.
      prometheus.setLoad(LOAD_METRIC, Map.of("ns", ns.name(), "app", "orders"), 10);
      awaitExplained(
          client,
          "orders down, payments and search up",
          () ->
              grant(client, "payments") > 60
                  && grant(client, "search") > 60
                  && budgetStable(client)
                  && SERVICES.stream().allMatch(s -> settled(client, s) && fitsGrant(client, s))
                  && replicas(client, "orders") == 1);
      // Proportional under scarcity: its guarantee (1 + 1) × 5 plus a share by demand, never
      // more than it asks for, (1 + 1) × 20.
      assertThat(grant(client, "orders")).isBetween(10L, 40L);
      assertThat(replicas(client, "payments")).isGreaterThan(11);

      assertThat(sampler.failure()).isNull();
      assertThat(sampler.minReplicas())
          .as("no workload was scaled to zero on the way")
          .isGreaterThanOrEqualTo(1);
      // A fast run can end the scenario within 50 samples (7.5 s): keep watching the invariant
      // until there are more, rather than count a shorter watch as enough.
      await("more than 50 samples of the pods and of the database")
          .atMost(Duration.ofSeconds(30))
          .until(() -> sampler.samples() > 50 && db.samples() > 50);
      System.out.printf(
          "shared budget: %d samples (longest gap %d ms), max %d of %d connections in use (%s)%n",
          sampler.samples(), sampler.maxGapMillis(), sampler.max(), AVAILABLE, sampler.maxDetail());
      assertThat(sampler.samples()).isGreaterThan(50);
      assertThat(sampler.maxGapMillis()).as("longest gap between samples").isLessThan(1000);
      assertThat(sampler.max()).as(sampler.maxDetail()).isLessThanOrEqualTo(AVAILABLE);
      assertThat(db.failure()).isNull();
      System.out.printf(
          "shared budget on PostgreSQL: %d samples of pg_stat_activity (longest gap %d ms),"
              + " max %d of %d real connections, %d samples above%n",
          db.samples(), db.maxGapMillis(), db.max(), AVAILABLE, db.aboveLimit());
      assertThat(db.samples()).isGreaterThan(50);
      assertThat(db.max()).as("the pods' connections were really opened").isGreaterThan(100);
      assertThat(db.aboveLimit())
          .as("samples of pg_stat_activity above %d (max %d)", AVAILABLE, db.max())
          .isZero();
    }
    assertThat(operator.alive()).isTrue();
  }

  /** Waits up to 3 minutes; on timeout the failure shows the budget and every policy. */
  static void awaitExplained(KubernetesClient client, String what, Callable<Boolean> condition) {
    try {
      await(what)
          .atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofSeconds(1))
          .until(condition);
    } catch (ConditionTimeoutException e) {
      StringBuilder state = new StringBuilder(what + " did not happen; budget:");
      ConnectionBudget b = client.resources(ConnectionBudget.class).withName("pg").get();
      state.append(b.getStatus() == null ? " no status" : describe(client, b));
      for (String s : SERVICES) {
        ScalingPolicy p = policy(client, s);
        var d = client.apps().deployments().withName(s).get();
        state.append(
            String.format(
                "%n%s: deployment spec=%d status=%s; conditions=%s; history=%s",
                s,
                d.getSpec().getReplicas(),
                client.getKubernetesSerialization().asJson(d.getStatus()),
                p.getStatus() == null
                    ? "-"
                    : p.getStatus().getConditions().stream()
                        .map(
                            c ->
                                c.getType()
                                    + "="
                                    + c.getStatus()
                                    + "/"
                                    + c.getReason()
                                    + ": "
                                    + c.getMessage())
                        .toList(),
                p.getStatus() == null
                    ? "-"
                    : p.getStatus().getHistory().stream().map(h -> h.getReason()).toList()));
      }
      throw new AssertionError(state.toString(), e);
    }
  }

  static ScalingPolicy policy(KubernetesClient client, String name) {
    return client.resources(ScalingPolicy.class).withName(name).get();
  }

  static int replicas(KubernetesClient client, String name) {
    return client.apps().deployments().withName(name).get().getSpec().getReplicas();
  }

  static String describe(KubernetesClient client, ConnectionBudget b) {
    StringBuilder out = new StringBuilder();
    for (ConsumerGrant g : b.getStatus().getConsumers()) {
      ScalingPolicy p = policy(client, g.getPolicy().substring(g.getPolicy().indexOf('/') + 1));
      out.append(
          String.format(
              "%n%s demand=%d target=%d grant=%d held=%d bound=%d surge=%d requested=%d desired=%d current=%d",
              g.getPolicy(),
              g.getDemand(),
              g.getTarget(),
              g.getGrant(),
              g.getHeld(),
              g.getInUseBound(),
              g.getMaxSurge(),
              p.getStatus().getRequestedReplicas(),
              p.getStatus().getDesiredReplicas(),
              p.getStatus().getCurrentReplicas()));
    }
    return out.toString();
  }

  /** The policy wants what its grant fits, as the budget computed it: it has converged. */
  static boolean fitsGrant(KubernetesClient client, String name) {
    ConnectionBudget b = client.resources(ConnectionBudget.class).withName("pg").get();
    Integer desired = policy(client, name).getStatus().getDesiredReplicas();
    return b.getStatus() != null
        && desired != null
        && b.getStatus().getConsumers().stream()
            .anyMatch(g -> g.getPolicy().endsWith("/" + name) && desired.equals(g.getReplicas()));
  }

  /** Every grant is what the allocation wants and no consumer is mid-change. */
  static boolean budgetStable(KubernetesClient client) {
    ConnectionBudget b = client.resources(ConnectionBudget.class).withName("pg").get();
    return b.getStatus() != null
        && b.getStatus().getConsumers().size() == SERVICES.size()
        && b.getStatus().getConsumers().stream()
            .allMatch(
                g -> g.getPhase() == ConsumerPhase.STABLE && g.getGrant().equals(g.getTarget()));
  }

  static long grant(KubernetesClient client, String name) {
    ConnectionBudget b = client.resources(ConnectionBudget.class).withName("pg").get();
    if (b.getStatus() == null) {
      return -1;
    }
    return b.getStatus().getConsumers().stream()
        .filter(g -> g.getPolicy().endsWith("/" + name))
        .mapToLong(ConsumerGrant::getGrant)
        .findFirst()
        .orElse(-1);
  }

  /** The workload does what the policy decided and its rollout is over. */
  static boolean settled(KubernetesClient client, String name) {
    ScalingPolicy p = policy(client, name);
    var d = client.apps().deployments().withName(name).get();
    if (p.getStatus() == null
        || p.getStatus().getDesiredReplicas() == null
        || d.getStatus() == null) {
      return false;
    }
    int want = p.getStatus().getDesiredReplicas();
    return d.getSpec().getReplicas() == want
        && want == nz(d.getStatus().getUpdatedReplicas())
        && want == nz(d.getStatus().getReadyReplicas())
        && want == nz(d.getStatus().getReplicas());
  }

  private static int nz(Integer value) {
    return value == null ? 0 : value;
  }

  static List<Event> events(KubernetesClient client, Predicate<Event> filter) {
    return client.v1().events().list().getItems().stream().filter(filter).toList();
  }
}
