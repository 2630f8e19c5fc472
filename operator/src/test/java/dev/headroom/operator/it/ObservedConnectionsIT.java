package dev.headroom.operator.it;

import static dev.headroom.operator.it.Fixtures.LOAD_METRIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.headroom.operator.api.v1alpha1.ConnectionBudget;
import dev.headroom.operator.api.v1alpha1.ObservedUsage;
import dev.headroom.operator.status.Conditions;
import dev.headroom.testbed.Postgres;
import dev.headroom.testbed.Prometheus;
import dev.headroom.testbed.TestBed;
import dev.headroom.testbed.TestNamespace;
import dev.headroom.testbed.WithTestBed;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A budget measured on the real database: the connection emulator holds each pod's pool open on the
 * test bed's PostgreSQL, postgres_exporter is scraped by Prometheus, and {@code spec.observed}
 * counts role {@code app}; the limit is the server's own {@code max_connections}, read the same
 * way. Connections that no grant accounts for (opened by the test as the same role) hold the grant
 * back while its consumer wants more, a breach is flagged when they pass the limit, and the grant
 * grows once they close. PostgreSQL is sampled every 150 ms throughout: the pods never hold more
 * than {@code maxConnections − reserved}.
 */
@WithTestBed(prometheus = true, postgres = true, postgresMaxConnections = ObservedConnectionsIT.MAX)
@WithOperator(log = "operator-observed-connections", env = "HEADROOM_BUDGET_SYNC_PERIOD=2s")
class ObservedConnectionsIT {

  static final int MAX = 120; // room on the server for the strangers below
  private static final int RESERVED = 70;
  private static final int AVAILABLE = MAX - RESERVED;
  private static OperatorProcess operator;

  @BeforeAll
  static void start(TestBed bed, KubernetesClient client, Postgres postgres) {
    bed.connections(Duration.ofSeconds(2));
  }

  @Test
  void unattributedConnectionsHoldGrowsBackAndABreachIsFlagged(
      KubernetesClient client, TestNamespace ns, Prometheus prometheus, Postgres postgres)
      throws Exception {
    // The spec says 500; the server's own max_connections (120), read through postgres_exporter,
    // wins.
    ConnectionBudget budget = Fixtures.budget("pg", 500, RESERVED);
    ObservedUsage observed = new ObservedUsage();
    observed.setQuery("sum(pg_stat_activity_count{usename=\"app\"})");
    observed.setMaxConnectionsQuery("max(pg_settings_max_connections)");
    budget.getSpec().setObserved(observed);
    client.resource(budget).create();
    Deployment web = Fixtures.web("orders", 1, 5);
    web.getSpec().getTemplate().getMetadata().getLabels().put("headroom.dev/connections", "real");
    client.resource(web).create();
    prometheus.setLoad(LOAD_METRIC, Map.of("ns", ns.name(), "app", "orders"), 10);
    client.resource(Fixtures.policy("orders", ns.name(), "pg", "Enforce")).create();

    try (DatabaseSampler db = new DatabaseSampler(postgres, ns.name(), AVAILABLE, 150)) {
      // One replica, pool 20 (demand (1 + 1 surge) × 20 = 40 fits the 50 available).
      awaitExplained(
          client,
          "orders settled at grant 40 and measured",
          () ->
              grant(client) == 40
                  && SharedBudgetIT.settled(client, "orders")
                  && db.now() == 20
                  && Integer.valueOf(20).equals(status(client).getObservedConnections()));
      assertThat(status(client).getUnattributedConnections()).isZero();
      assertThat(status(client).getMaxConnections()).isEqualTo(MAX);
      assertThat(status(client).getAvailable()).isEqualTo(AVAILABLE);

      List<Connection> strangers = new ArrayList<>();
      try {
        // 25 connections as the consumers' role that no grant accounts for: 45 measured, 40 held.
        open(postgres, strangers, 25);
        awaitExplained(
            client,
            "unattributed connections seen",
            () -> Integer.valueOf(5).equals(status(client).getUnattributedConnections()));
        var seen = status(client);
        assertThat(seen.getHeadroom())
            .as("available − Σ held − unattributed")
            .isEqualTo(AVAILABLE - 40 - 5);
        assertThat(Conditions.find(seen.getConditions(), "Ready").get().getMessage())
            .contains(
                "no grant grows while 45 connections are measured, 5 more than the grants account for");
        assertThat(Conditions.isTrue(seen.getConditions(), "Breached")).isFalse();

        // 20 more: 65 measured of 50 available is a breach, whatever the model says.
        open(postgres, strangers, 20);
        awaitExplained(
            client,
            "breach flagged",
            () -> Conditions.isTrue(status(client).getConditions(), "Breached"));
        assertThat(Conditions.find(status(client).getConditions(), "Breached").get().getMessage())
            .contains("65 measured in use by spec.observed");

        // More load: orders wants (3 + 1) × 20 = 80 and the allocation targets all 50, but the 45
        // strangers alone are more than the 40 held, whatever the pods do: no grow.
        prometheus.setLoad(LOAD_METRIC, Map.of("ns", ns.name(), "app", "orders"), 30);
        awaitExplained(client, "orders asks for more", () -> target(client) == AVAILABLE);
        await("grant held back while unattributed connections are open")
            .during(Duration.ofSeconds(6))
            .atMost(Duration.ofSeconds(10))
            .pollInterval(Duration.ofMillis(500))
            .until(() -> grant(client) <= 40);
      } finally {
        for (Connection c : strangers) {
          c.close();
        }
      }
      // Once they close, the model is right again and the grant grows to its target.
      awaitExplained(
          client,
          "grant grows once the strangers are gone",
          () ->
              grant(client) == AVAILABLE
                  && !Conditions.isTrue(status(client).getConditions(), "Breached")
                  && Integer.valueOf(0).equals(status(client).getUnattributedConnections()));

      assertThat(db.failure()).isNull();
      System.out.printf(
          "observed connections: %d samples of pg_stat_activity (longest gap %d ms), max %d of %d"
              + " connections held by the pods, %d samples above%n",
          db.samples(), db.maxGapMillis(), db.max(), AVAILABLE, db.aboveLimit());
      assertThat(db.samples()).isGreaterThan(50);
      assertThat(db.aboveLimit()).as("samples above %d (max %d)", AVAILABLE, db.max()).isZero();
    }
    assertThat(operator.alive()).isTrue();
  }

  private static void open(Postgres postgres, List<Connection> into, int n) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", "app");
    p.setProperty("ApplicationName", "stranger");
    for (int i = 0; i < n; i++) {
      into.add(java.sql.DriverManager.getConnection(postgres.jdbcUrl(), p));
    }
  }

  private static dev.headroom.operator.api.v1alpha1.ConnectionBudgetStatus status(
      KubernetesClient client) {
    ConnectionBudget b = client.resources(ConnectionBudget.class).withName("pg").get();
    return b.getStatus() == null
        ? new dev.headroom.operator.api.v1alpha1.ConnectionBudgetStatus()
        : b.getStatus();
  }

  private static long grant(KubernetesClient client) {
    return SharedBudgetIT.grant(client, "orders");
  }

  private static long target(KubernetesClient client) {
    return status(client).getConsumers().stream()
        .filter(g -> g.getPolicy().endsWith("/orders"))
        .mapToLong(g -> g.getTarget())
        .findFirst()
        .orElse(-1);
  }

  private static void awaitExplained(
      KubernetesClient client, String what, java.util.concurrent.Callable<Boolean> until) {
    try {
      await(what).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(until);
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError(
          what
              + " did not happen; budget status: "
              + client.getKubernetesSerialization().asJson(status(client)),
          e);
    }
  }
}
