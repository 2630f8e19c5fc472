package dev.headroom.testbed.connections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.headroom.testbed.Postgres;
import dev.headroom.testbed.Prometheus;
import dev.headroom.testbed.TestBed;
import dev.headroom.testbed.TestNamespace;
import dev.headroom.testbed.WithTestBed;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * Labelled pods hold their pools of real connections on the test bed's PostgreSQL, unlabelled ones
 * hold none, terminated pods keep theirs for the exit delay, and postgres_exporter's count reaches
 * Prometheus. Only the test's namespace is counted: other labelled pods may be running.
 */
@WithTestBed(prometheus = true, postgres = true)
class ConnectionEmulatorIT {

  private static final Duration WAIT = Duration.ofSeconds(60);

  private static Deployment deployment(String name, int replicas, int pool, boolean labelled) {
    DeploymentBuilder b =
        new DeploymentBuilder()
            .withNewMetadata()
            .withName(name)
            .endMetadata()
            .withNewSpec()
            .withReplicas(replicas)
            .withNewSelector()
            .addToMatchLabels("app", name)
            .endSelector()
            .withNewTemplate()
            .withNewMetadata()
            .addToLabels("app", name)
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName("app")
            .withImage("nginx")
            .addNewEnv()
            .withName("DB_POOL_SIZE")
            .withValue(Integer.toString(pool))
            .endEnv()
            .endContainer()
            .endSpec()
            .endTemplate()
            .endSpec();
    if (labelled) {
      b.editSpec()
          .editTemplate()
          .editMetadata()
          .addToLabels("headroom.dev/connections", "real")
          .endMetadata()
          .endTemplate()
          .endSpec();
    }
    return b.build();
  }

  private static long held(Connection c, String namespace) throws SQLException {
    try (PreparedStatement q =
        c.prepareStatement(
            "select count(*) from pg_stat_activity"
                + " where usename = 'app' and application_name like ?")) {
      q.setString(1, "headroom-pod " + namespace + "/%");
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  @Test
  void podsHoldTheirPoolsUntilTheExitDelayHasPassed(
      KubernetesClient client,
      TestNamespace ns,
      TestBed bed,
      Postgres postgres,
      Prometheus prometheus)
      throws Exception {
    bed.connections(Duration.ofSeconds(5));
    client.resource(deployment("api", 3, 4, true)).create();
    client.resource(deployment("batch", 2, 7, false)).create();
    try (Connection c = postgres.connect()) {
      await("3 pods × pool 4 open").atMost(WAIT).until(() -> held(c, ns.name()) == 12);
      String query =
          "sum(pg_stat_activity_count{usename=\"app\",application_name=~\"headroom-pod "
              + ns.name()
              + "/.*\"})";
      await("postgres_exporter's count in Prometheus")
          .atMost(WAIT)
          .until(() -> prometheus.queryValue(query).equals(OptionalDouble.of(12)));

      client.apps().deployments().withName("api").scale(1);
      await("two pods gone from the API")
          .atMost(WAIT)
          .until(() -> client.pods().withLabel("app", "api").list().getItems().size() == 1);
      long justAfter = held(c, ns.name());
      await("their connections closed after the exit delay")
          .atMost(WAIT)
          .until(() -> held(c, ns.name()) == 4);
      assertThat(justAfter)
          .as("connections of pods that left the API within the 5 s exit delay")
          .isEqualTo(12);
    }
  }
}
