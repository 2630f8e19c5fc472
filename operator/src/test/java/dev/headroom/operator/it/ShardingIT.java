package dev.headroom.operator.it;

import static dev.headroom.operator.it.Fixtures.LOAD_METRIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.headroom.operator.api.v1alpha1.ConnectionBudget;
import dev.headroom.operator.api.v1alpha1.ScalingPolicy;
import dev.headroom.operator.status.Conditions;
import dev.headroom.testbed.Prometheus;
import dev.headroom.testbed.TestBed;
import dev.headroom.testbed.TestNamespace;
import dev.headroom.testbed.WithTestBed;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two shards side by side, as two chart releases run them: shard a with a leader and a standby on
 * Lease headroom-shard-a, shard b with one replica on Lease headroom-shard-b. Each reconciles only
 * the budgets and policies labelled for it; a policy whose budget is in the other shard says so;
 * killing shard a's leader hands shard a, and only shard a, to its standby.
 */
@WithTestBed(prometheus = true)
class ShardingIT {

  static final String LABEL = "headroom.dev/shard";
  static final String LEASE_A = "headroom-shard-a";
  static final String LEASE_B = "headroom-shard-b";

  private static OperatorProcess a1;
  private static OperatorProcess a2;
  private static OperatorProcess b;

  @BeforeAll
  static void start(TestBed bed, KubernetesClient client) {
    OperatorProcess.install(bed, client);
    a1 = shard(bed, client, "a", LEASE_A, "operator-shard-a1");
    a2 = shard(bed, client, "a", LEASE_A, "operator-shard-a2");
    b = shard(bed, client, "b", LEASE_B, "operator-shard-b");
  }

  private static OperatorProcess shard(
      TestBed bed, KubernetesClient client, String shard, String lease, String log) {
    Map<String, String> env = new HashMap<>();
    env.put("HEADROOM_SHARD_SELECTOR", LABEL + "=" + shard);
    env.put("HEADROOM_LEADER_ELECTION_LEASE_NAME", lease);
    // Three JVMs share the test machine's cores: a renew deadline of a few seconds would let a
    // starved leader lose its Lease and exit before the test kills it.
    env.put("HEADROOM_LEADER_ELECTION_LEASE_DURATION", "12s");
    env.put("HEADROOM_LEADER_ELECTION_RENEW_DEADLINE", "10s");
    env.put("HEADROOM_LEADER_ELECTION_RETRY_PERIOD", "2s");
    env.put("JAVA_TOOL_OPTIONS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
    return new OperatorProcess(bed, client, env, log).start();
  }

  @AfterAll
  static void stop() {
    Stream.of(a1, a2, b).filter(o -> o != null).forEach(OperatorProcess::close);
  }

  @Test
  void eachShardReconcilesOnlyItsOwnAndAFailoverMovesOnlyItsShard(
      KubernetesClient client, TestNamespace ns, Prometheus prometheus) throws Exception {
    client.resource(labelled(Fixtures.budget("pg-a", 200, 0), "a")).create();
    client.resource(labelled(Fixtures.budget("pg-b", 200, 0), "b")).create();
    for (String[] p :
        new String[][] {
          {"web-a", "pg-a", "a"},
          {"web-b", "pg-b", "b"},
          {"web-x", "pg-b", "a"},
          {"web-none", "pg-a", null}
        }) {
      client.resource(Fixtures.web(p[0], 1, 5)).create();
      prometheus.setLoad(LOAD_METRIC, Map.of("ns", ns.name(), "app", p[0]), 20);
      ScalingPolicy policy = Fixtures.policy(p[0], ns.name(), p[1], "Enforce");
      client.resource(p[2] == null ? policy : labelled(policy, p[2])).create();
    }

    // Each shard scales its own policy on its own budget: 20 / 10 per replica = 2 replicas.
    awaitReplicas(client, "web-a", 2);
    awaitReplicas(client, "web-b", 2);
    await("web-x reports its budget in the other shard")
        .atMost(Duration.ofMinutes(2))
        .until(() -> reason(client, "web-x"), r -> "BudgetOutsideShard".equals(r));
    assertThat(
            Conditions.find(policy(client, "web-x").getStatus().getConditions(), "Ready")
                .get()
                .getMessage())
        .contains(
            "ConnectionBudget "
                + ns.name()
                + "/pg-b is not in this"
                + " operator's shard ("
                + LABEL
                + "=a)");
    assertThat(
            client
                .resources(ConnectionBudget.class)
                .withName("pg-a")
                .get()
                .getStatus()
                .getConsumers())
        .extracting(g -> g.getPolicy())
        .containsExactly(ns.name() + "/web-a");
    assertThat(
            client
                .resources(ConnectionBudget.class)
                .withName("pg-b")
                .get()
                .getStatus()
                .getConsumers())
        .extracting(g -> g.getPolicy())
        .containsExactly(ns.name() + "/web-b");
    // Unlabelled: no shard owns it, so nothing ever wrote its status.
    assertThat(untouched(policy(client, "web-none"))).isTrue();

    OperatorProcess leaderA = holder(client, LEASE_A).endsWith("-" + a1.pid()) ? a1 : a2;
    OperatorProcess standbyA = leaderA == a1 ? a2 : a1;
    String holderB = holder(client, LEASE_B);
    assertThat(holderB).endsWith("-" + b.pid());
    assertThat(policiesIn(leaderA)).contains("web-a").doesNotContain("web-b", "web-none");
    assertThat(policiesIn(b)).contains("web-b").doesNotContain("web-a", "web-x", "web-none");
    assertThat(policiesIn(standbyA)).isEmpty();

    long killedAt = System.nanoTime();
    leaderA.kill();
    await("shard a's standby holds its Lease")
        .atMost(Duration.ofMinutes(1))
        .until(() -> holder(client, LEASE_A), h -> h.endsWith("-" + standbyA.pid()));
    double takeover = (System.nanoTime() - killedAt) / 1e9;
    // The new leader acts for shard a: more load on web-a, more replicas.
    prometheus.setLoad(LOAD_METRIC, Map.of("ns", ns.name(), "app", "web-a"), 40);
    awaitReplicas(client, "web-a", 4);
    assertThat(policiesIn(standbyA)).contains("web-a").doesNotContain("web-b", "web-none");
    // Shard b never noticed: same holder, still running, still acting.
    assertThat(holder(client, LEASE_B)).isEqualTo(holderB);
    assertThat(b.alive()).isTrue();
    prometheus.setLoad(LOAD_METRIC, Map.of("ns", ns.name(), "app", "web-b"), 30);
    awaitReplicas(client, "web-b", 3);
    assertThat(untouched(policy(client, "web-none"))).isTrue();
    System.out.printf(
        "sharding: shard a failed over from pid %d to pid %d in %.1f s (Lease 12 s);"
            + " shard b kept %s%n",
        leaderA.pid(), standbyA.pid(), takeover, holderB);
  }

  static <T extends HasMetadata> T labelled(T object, String shard) {
    object.getMetadata().setLabels(Map.of(LABEL, shard));
    return object;
  }

  static ScalingPolicy policy(KubernetesClient client, String name) {
    return client.resources(ScalingPolicy.class).withName(name).get();
  }

  /** Nothing reconciled it: no condition and no decision in its status. */
  static boolean untouched(ScalingPolicy p) {
    return p.getStatus() == null
        || (p.getStatus().getConditions().isEmpty()
            && p.getStatus().getHistory().isEmpty()
            && p.getStatus().getDesiredReplicas() == null);
  }

  static String reason(KubernetesClient client, String name) {
    ScalingPolicy p = policy(client, name);
    return p.getStatus() == null
        ? null
        : Conditions.find(p.getStatus().getConditions(), "Ready")
            .map(c -> c.getReason())
            .orElse(null);
  }

  static void awaitReplicas(KubernetesClient client, String name, int replicas) {
    await(name + " at " + replicas + " replicas")
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> client.apps().deployments().withName(name).get().getSpec().getReplicas(),
            r -> r == replicas);
  }

  static String holder(KubernetesClient client, String lease) {
    Lease l = client.leases().inNamespace(OperatorProcess.NAMESPACE).withName(lease).get();
    return l == null || l.getSpec().getHolderIdentity() == null
        ? ""
        : l.getSpec().getHolderIdentity();
  }

  /** The policies an operator set gauges for: those it reconciled as a leader. */
  static List<String> policiesIn(OperatorProcess operator)
      throws IOException, InterruptedException {
    assertThat(operator.alive()).as("operator running, see %s", operator.log()).isTrue();
    String text =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(operator.metricsUrl()).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    return text.lines()
        .filter(l -> l.startsWith("headroom_policy_replicas{"))
        .map(l -> l.replaceAll(".*policy=\"([^\"]*)\".*", "$1"))
        .distinct()
        .sorted()
        .toList();
  }
}
