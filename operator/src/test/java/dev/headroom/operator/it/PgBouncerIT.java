package dev.headroom.operator.it;

import static dev.headroom.operator.it.Fixtures.LOAD_METRIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.headroom.operator.api.v1alpha1.ConnectionBudget;
import dev.headroom.operator.api.v1alpha1.ScalingPolicy;
import dev.headroom.testbed.PgBouncer;
import dev.headroom.testbed.Postgres;
import dev.headroom.testbed.Prometheus;
import dev.headroom.testbed.TestBed;
import dev.headroom.testbed.TestNamespace;
import dev.headroom.testbed.WithTestBed;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A budget on PgBouncer's server side (docs/concepts.md#pgbouncer). Headroom scales a PgBouncer
 * Deployment and its pool ({@code max_db_connections}, delivered as {@code PGBOUNCER_POOL_SIZE})
 * within a ConnectionBudget of server connections; the test bed's real PgBouncer then serves with
 * the server connections those pods may open together (replicas × pool). App pods hold 20 × 10
 * client connections on it through the connection emulator, and 40 busy clients run queries:
 * PostgreSQL, sampled every 150 ms, never sees more server connections than the budget, while
 * PgBouncer holds several times as many clients.
 */
@WithTestBed(prometheus = true, postgres = true, postgresMaxConnections = PgBouncerIT.MAX)
@WithOperator(log = "operator-pgbouncer", env = "HEADROOM_BUDGET_SYNC_PERIOD=2s")
class PgBouncerIT {

  static final int MAX = 100;
  private static final int SERVER_MAX = 30;
  private static final int SERVER_RESERVED = 2;
  private static final int SERVER_AVAILABLE = SERVER_MAX - SERVER_RESERVED;
  private static final int APP_REPLICAS = 20;
  private static final int APP_POOL = 10;
  private static final int BUSY_CLIENTS = 40;
  private static final Duration WAIT = Duration.ofSeconds(120);

  @BeforeAll
  static void start(TestBed bed, KubernetesClient client, Postgres postgres) {
    bed.connections(Duration.ZERO);
  }

  @Test
  void clientConnectionsFarAboveTheBudgetServerConnectionsWithinIt(
      KubernetesClient client,
      TestNamespace ns,
      TestBed bed,
      Prometheus prometheus,
      Postgres postgres)
      throws Exception {
    // The budget counts PostgreSQL's connections from PgBouncer: its pods are the consumer.
    client.resource(Fixtures.budget("pg-server", SERVER_MAX, SERVER_RESERVED)).create();
    Deployment pgbouncer = Fixtures.web("pgbouncer", 1, 5);
    EnvVar pool =
        pgbouncer.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().get(0);
    pool.setName("PGBOUNCER_POOL_SIZE");
    client.resource(pgbouncer).create();
    prometheus.setLoad(LOAD_METRIC, Map.of("ns", ns.name(), "app", "pgbouncer"), 100);
    ScalingPolicy policy = Fixtures.policy("pgbouncer", ns.name(), "pg-server", "Enforce");
    policy.getSpec().getReplicas().setMax(3);
    policy.getSpec().getConnections().getPoolSize().setMin(2);
    policy.getSpec().getConnections().getDelivery().setEnvName("PGBOUNCER_POOL_SIZE");
    client.resource(policy).create();

    // Demand (3 + 1 surge) × 20 = 80 server connections; the budget grants what fits in 28.
    await("PgBouncer's Deployment settled within the budget")
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> SharedBudgetIT.settled(client, "pgbouncer") && grant(client) == SERVER_AVAILABLE);
    Deployment settled = client.apps().deployments().withName("pgbouncer").get();
    int replicas = settled.getSpec().getReplicas();
    int perPod =
        Integer.parseInt(
            settled.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                .filter(e -> e.getName().equals("PGBOUNCER_POOL_SIZE"))
                .findFirst()
                .orElseThrow()
                .getValue());
    assertThat((replicas + 1) * perPod)
        .as("(replicas + surge) × pool within the budget")
        .isLessThanOrEqualTo(SERVER_AVAILABLE);

    // The test bed's one PgBouncer stands in for the Deployment's pods: the server connections
    // they may open together.
    PgBouncer bouncer = bed.pgbouncer(replicas * perPod);
    Deployment orders = Fixtures.web("orders", APP_REPLICAS, APP_POOL);
    orders
        .getSpec()
        .getTemplate()
        .getMetadata()
        .getLabels()
        .put("headroom.dev/connections", "real");
    var env = orders.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv();
    env.add(new EnvVar("DB_URL", bouncer.jdbcUrl(), null));
    env.add(new EnvVar("DB_USER", "app", null));
    client.resource(orders).create();

    try (DatabaseSampler server =
        DatabaseSampler.ofRole(postgres, bouncer.serverRole(), SERVER_AVAILABLE, 150)) {
      await("the app pods' pools open on PgBouncer")
          .atMost(WAIT)
          .pollInterval(Duration.ofMillis(500))
          .until(() -> clients(bouncer) >= APP_REPLICAS * APP_POOL);

      long maxClients = 0;
      ExecutorService busy = Executors.newFixedThreadPool(BUSY_CLIENTS);
      AtomicLong queries = new AtomicLong();
      try {
        List<Future<?>> running = new ArrayList<>();
        long until = System.currentTimeMillis() + 6_000;
        for (int i = 0; i < BUSY_CLIENTS; i++) {
          running.add(
              busy.submit(
                  () -> {
                    try (Connection c = client(bouncer);
                        Statement s = c.createStatement()) {
                      while (System.currentTimeMillis() < until) {
                        s.execute("select pg_sleep(0.05)");
                        queries.incrementAndGet();
                      }
                    }
                    return null;
                  }));
        }
        while (System.currentTimeMillis() < until) {
          maxClients = Math.max(maxClients, clients(bouncer));
          Thread.sleep(200);
        }
        for (Future<?> f : running) {
          f.get();
        }
      } finally {
        busy.shutdownNow();
      }

      System.out.printf(
          "pgbouncer: %d clients at most on PgBouncer, %d server connections at most on PostgreSQL"
              + " (pool %d = %d replicas × %d; budget %d available), %d queries, %d samples%n",
          maxClients,
          server.max(),
          replicas * perPod,
          replicas,
          perPod,
          SERVER_AVAILABLE,
          queries.get(),
          server.samples());
      assertThat(server.failure()).isNull();
      assertThat(maxClients)
          .as("client connections")
          .isGreaterThanOrEqualTo(APP_REPLICAS * APP_POOL + BUSY_CLIENTS);
      assertThat(server.aboveLimit())
          .as("samples above the budget's %d", SERVER_AVAILABLE)
          .isZero();
      // 40 clients kept busy want more than the pool: PgBouncer opens all of it, and no more.
      assertThat(server.max()).as("server connections at most").isEqualTo((long) replicas * perPod);
      assertThat(server.samples()).isGreaterThan(20);
    }
  }

  private static int grant(KubernetesClient client) {
    ConnectionBudget b = client.resources(ConnectionBudget.class).withName("pg-server").get();
    if (b.getStatus() == null
        || b.getStatus().getConsumers() == null
        || b.getStatus().getConsumers().isEmpty()) {
      return -1;
    }
    Integer grant = b.getStatus().getConsumers().get(0).getGrant();
    return grant == null ? -1 : grant;
  }

  /**
   * Client connections PgBouncer holds: established TCP connections whose local end is its port,
   * from the kernel's table (its admin console would do too, but the JDBC driver cannot log in to
   * it).
   */
  private static long clients(PgBouncer bouncer) throws java.io.IOException {
    String port = String.format(":%04X ", bouncer.port());
    long n = 0;
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      java.nio.file.Path path = java.nio.file.Path.of(table);
      if (!java.nio.file.Files.exists(path)) {
        continue;
      }
      for (String line : java.nio.file.Files.readAllLines(path)) {
        String[] f = line.trim().split("\\s+");
        if (f.length > 3 && (f[1] + " ").endsWith(port) && f[3].equals("01")) {
          n++;
        }
      }
    }
    return n;
  }

  /** A client of PgBouncer in transaction pooling: no server-side prepared statements. */
  private static Connection client(PgBouncer bouncer) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", "app");
    p.setProperty("prepareThreshold", "0");
    return DriverManager.getConnection(bouncer.jdbcUrl(), p);
  }
}
