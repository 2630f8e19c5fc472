package dev.headroom.operator.it;

import static dev.headroom.operator.it.Fixtures.LOAD_METRIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.marcnuri.helm.Helm;
import dev.headroom.operator.api.v1alpha1.ConnectionBudget;
import dev.headroom.operator.api.v1alpha1.ScalingPolicy;
import dev.headroom.operator.status.Conditions;
import dev.headroom.testbed.Prometheus;
import dev.headroom.testbed.TestBed;
import dev.headroom.testbed.TestNamespace;
import dev.headroom.testbed.WithTestBed;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The chart's namespace-scoped mode for real: the chart is rendered with {@code watchNamespaces}
 * set to this test's namespace, its ServiceAccount, Roles, RoleBindings and namespace-reader
 * ClusterRole are applied as Helm would, and the packaged operator runs with that service account's
 * token and the env the chart gives it. It may not list Headroom's resources across the cluster,
 * and still makes a policy and its budget Ready.
 */
@WithTestBed(prometheus = true)
class NamespaceScopedIT {

  static final String RELEASE = "scoped";
  static final Set<String> RBAC_KINDS =
      Set.of("ServiceAccount", "Role", "RoleBinding", "ClusterRole", "ClusterRoleBinding");

  private static OperatorProcess operator;
  private static String serviceAccount;
  private static final Map<String, String> chartEnv = new HashMap<>();

  @BeforeAll
  static void start(TestBed bed, KubernetesClient client, TestNamespace ns) throws Exception {
    OperatorProcess.install(bed, client);
    List<HasMetadata> rendered =
        render(
            bed,
            """
        watchNamespaces: [%s]
        leaderElection: {enabled: true, leaseName: headroom-namespace-scoped}
        """
                .formatted(ns.name()));
    for (HasMetadata object : rendered) {
      if (RBAC_KINDS.contains(object.getKind())) {
        client.resource(object).forceConflicts().serverSideApply();
      }
      if (object instanceof Deployment d) {
        serviceAccount = d.getSpec().getTemplate().getSpec().getServiceAccountName();
        for (EnvVar e : d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()) {
          if (e.getName().startsWith("QUARKUS_OPERATOR_SDK_")
              || e.getName().equals("HEADROOM_LEADER_ELECTION_LEASE_NAME")) {
            chartEnv.put(e.getName(), e.getValue());
          }
        }
      }
    }
    // The log is appended to across runs; only this run's may be checked for permission errors.
    Files.deleteIfExists(Path.of("target", "operator-namespace-scoped.log"));
    operator =
        new OperatorProcess(bed, client, chartEnv, "operator-namespace-scoped")
            .asServiceAccount(serviceAccount)
            .start();
  }

  @AfterAll
  static void stop() {
    if (operator != null) {
      operator.close();
    }
  }

  /** {@code helm template scoped helm/headroom -n headroom-system -f <values>}. */
  static List<HasMetadata> render(TestBed bed, String values) throws Exception {
    Path file = Files.createTempFile("values-", ".yaml");
    try {
      Files.writeString(file, values);
      String yaml =
          new Helm(bed.repoRoot().resolve("helm/headroom"))
              .template()
              .withName(RELEASE)
              .withNamespace(OperatorProcess.NAMESPACE)
              .withKubeVersion("1.33.0")
              .withValuesFile(file)
              .call();
      try (KubernetesClient offline = new KubernetesClientBuilder().build()) {
        return offline
            .load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)))
            .items();
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Test
  void theOperatorUnderTheChartsRolesMakesAPolicyAndItsBudgetReady(
      KubernetesClient client, TestBed bed, TestNamespace ns, Prometheus prometheus)
      throws Exception {
    assertThat(chartEnv).containsEntry("QUARKUS_OPERATOR_SDK_NAMESPACES", ns.name());
    Config config = bed.kubernetesConfig(ns.name());
    config.setImpersonateUsername(
        "system:serviceaccount:" + OperatorProcess.NAMESPACE + ":" + serviceAccount);
    config.setImpersonateGroups(
        "system:serviceaccounts",
        "system:serviceaccounts:" + OperatorProcess.NAMESPACE,
        "system:authenticated");
    try (KubernetesClient asOperator = new KubernetesClientBuilder().withConfig(config).build()) {
      // Really confined to the namespace: what it may do here it may not do across the cluster.
      assertThat(asOperator.resources(ScalingPolicy.class).list().getItems()).isEmpty();
      assertThatThrownBy(() -> asOperator.resources(ScalingPolicy.class).inAnyNamespace().list())
          .isInstanceOfSatisfying(
              KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(403));
      assertThatThrownBy(() -> asOperator.resources(ConnectionBudget.class).inAnyNamespace().list())
          .isInstanceOfSatisfying(
              KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(403));
    }

    client.resource(Fixtures.budget("pg", 100, 0)).create();
    client.resource(Fixtures.web("shop", 1, 5)).create();
    prometheus.setLoad(LOAD_METRIC, Map.of("ns", ns.name(), "app", "shop"), 20);
    client.resource(Fixtures.policy("shop", ns.name(), "pg", "Enforce")).create();

    await("policy and budget Ready")
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                ready(client.resources(ScalingPolicy.class).withName("shop").get())
                    && readyBudget(client.resources(ConnectionBudget.class).withName("pg").get()));
    await("shop scaled to 2")
        .atMost(Duration.ofMinutes(1))
        .until(
            () -> client.apps().deployments().withName("shop").get().getSpec().getReplicas(),
            r -> r == 2);
    assertThat(
            client
                .resources(ConnectionBudget.class)
                .withName("pg")
                .get()
                .getStatus()
                .getConsumers())
        .extracting(g -> g.getPolicy())
        .containsExactly(ns.name() + "/shop");
    assertThat(operator.alive()).isTrue();
    assertThat(Files.readString(operator.log())).doesNotContainIgnoringCase("forbidden");
  }

  static boolean ready(ScalingPolicy p) {
    return p != null
        && p.getStatus() != null
        && Conditions.isTrue(p.getStatus().getConditions(), "Ready");
  }

  static boolean readyBudget(ConnectionBudget b) {
    return b != null
        && b.getStatus() != null
        && Conditions.isTrue(b.getStatus().getConditions(), "Ready");
  }
}
