package dev.headroom.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.headroom.operator.api.v1alpha1.ConnectionBudget;
import dev.headroom.operator.api.v1alpha1.ScalingPolicy;
import dev.headroom.operator.status.Conditions;
import dev.headroom.testbed.Prometheus;
import dev.headroom.testbed.TestBed;
import dev.headroom.testbed.TestNamespace;
import dev.headroom.testbed.WithTestBed;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the chart's service account (bound to exactly {@code
 * helm/headroom/files/clusterrole-rules.yaml}) may and may not do, asked of the real API server: by
 * impersonating it, by SubjectAccessReview (what {@code kubectl auth can-i
 * --as=system:serviceaccount:headroom-system:headroom} asks), and by reading back what the running
 * operator actually wrote (managedFields).
 */
@WithTestBed(prometheus = true)
@WithOperator(log = "operator-least-privilege")
class LeastPrivilegeIT {

  static final String USER =
      "system:serviceaccount:" + OperatorProcess.NAMESPACE + ":" + OperatorProcess.SERVICE_ACCOUNT;
  static final List<String> GROUPS =
      List.of(
          "system:serviceaccounts",
          "system:serviceaccounts:" + OperatorProcess.NAMESPACE,
          "system:authenticated");
  static final String TEST_MANAGER = "headroom-it";

  private static OperatorProcess operator;
  private static KubernetesClient asOperator;

  @BeforeAll
  static void start(TestBed bed, KubernetesClient client, TestNamespace ns) {
    Config config = bed.kubernetesConfig(ns.name());
    config.setImpersonateUsername(USER);
    config.setImpersonateGroups(GROUPS.toArray(String[]::new));
    asOperator = new KubernetesClientBuilder().withConfig(config).build();
  }

  @AfterAll
  static void stop() {
    if (asOperator != null) {
      asOperator.close();
    }
  }

  @Test
  void theServiceAccountCannotReadSecretsAnywhere(KubernetesClient client, TestNamespace ns) {
    client
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("db-password")
                .endMetadata()
                .addToStringData("password", "hunter2")
                .build())
        .create();
    client.resource(Fixtures.web("readable", 1, 5)).create();
    // The impersonation works: what the rules grant is granted.
    assertThat(asOperator.apps().deployments().withName("readable").get()).isNotNull();

    assertForbidden(() -> asOperator.secrets().withName("db-password").get());
    assertForbidden(() -> asOperator.secrets().list());
    assertForbidden(() -> asOperator.secrets().inAnyNamespace().list());
    assertForbidden(() -> asOperator.secrets().inNamespace(OperatorProcess.NAMESPACE).list());
    assertForbidden(
        () ->
            asOperator
                .secrets()
                .watch(
                    new io.fabric8.kubernetes.client.Watcher<>() {
                      @Override
                      public void eventReceived(
                          Action action, io.fabric8.kubernetes.api.model.Secret resource) {}

                      @Override
                      public void onClose(io.fabric8.kubernetes.client.WatcherException cause) {}
                    })
                .close());
  }

  @Test
  void theServiceAccountCannotCreatePodsDeleteWorkloadsOrTouchRbac(KubernetesClient client) {
    client.resource(Fixtures.web("victim", 1, 5)).create();
    assertForbidden(
        () ->
            asOperator
                .resource(
                    new PodBuilder()
                        .withNewMetadata()
                        .withName("miner")
                        .endMetadata()
                        .withNewSpec()
                        .addNewContainer()
                        .withName("c")
                        .withImage("busybox")
                        .endContainer()
                        .endSpec()
                        .build())
                .create());
    assertForbidden(() -> asOperator.apps().deployments().withName("victim").delete());
    Deployment replaced = client.apps().deployments().withName("victim").get();
    replaced.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("evil");
    assertForbidden(() -> asOperator.resource(replaced).update());
    assertForbidden(() -> asOperator.resource(Fixtures.web("planted", 1, 5)).create());
    // No way to widen its own rights: no RBAC verbs at all, so no escalate or bind either.
    assertForbidden(
        () ->
            asOperator
                .rbac()
                .roleBindings()
                .resource(
                    new RoleBindingBuilder()
                        .withNewMetadata()
                        .withName("grab")
                        .endMetadata()
                        .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", "cluster-admin")
                        .addNewSubject()
                        .withKind("ServiceAccount")
                        .withName(OperatorProcess.SERVICE_ACCOUNT)
                        .withNamespace(OperatorProcess.NAMESPACE)
                        .endSubject()
                        .build())
                .create());
    assertForbidden(
        () ->
            asOperator
                .rbac()
                .clusterRoles()
                .withName(OperatorProcess.ROLE)
                .edit(
                    r -> {
                      r.getRules().get(0).getVerbs().add("*");
                      return r;
                    }));
    assertThat(
            client
                .apps()
                .deployments()
                .withName("victim")
                .get()
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getImage())
        .isEqualTo("nginx");
  }

  static Stream<Arguments> accessMatrix() {
    return Stream.of(
        // may: reads, status, the scale subresource, the pool delivery, Events, its Lease
        can(true, "get", "apps", "deployments", ""),
        can(true, "patch", "apps", "deployments", "scale"),
        can(true, "patch", "apps", "statefulsets", "scale"),
        can(true, "patch", "apps", "deployments", ""),
        can(true, "patch", "", "configmaps", ""),
        can(true, "update", "headroom.dev", "scalingpolicies", "status"),
        // the finalizer that restores a capped HPA (metadata.finalizers only; RBAC cannot say so)
        can(true, "patch", "headroom.dev", "scalingpolicies", ""),
        can(true, "update", "headroom.dev", "connectionbudgets", "status"),
        can(true, "create", "", "events", ""),
        can(true, "patch", "autoscaling", "horizontalpodautoscalers", ""),
        // may not: secrets
        can(false, "get", "", "secrets", ""),
        can(false, "list", "", "secrets", ""),
        can(false, "watch", "", "secrets", ""),
        // may not: write workloads other than by patch and the scale subresource
        can(false, "update", "apps", "deployments", ""),
        can(false, "create", "apps", "deployments", ""),
        can(false, "delete", "apps", "deployments", ""),
        can(false, "deletecollection", "apps", "deployments", ""),
        can(false, "patch", "apps", "replicasets", ""),
        can(false, "update", "apps", "replicasets", "scale"),
        can(false, "patch", "apps", "replicasets", "scale"),
        // the scale is written by one patch: no replace of it is needed
        can(false, "update", "apps", "deployments", "scale"),
        can(false, "patch", "apps", "daemonsets", ""),
        can(false, "create", "batch", "jobs", ""),
        can(false, "create", "", "pods", ""),
        can(false, "delete", "", "pods", ""),
        can(false, "create", "", "pods", "exec"),
        can(false, "create", "", "pods", "eviction"),
        can(false, "update", "", "configmaps", ""),
        can(false, "create", "", "configmaps", ""),
        can(false, "delete", "", "configmaps", ""),
        can(false, "create", "", "serviceaccounts", "token"),
        can(false, "delete", "autoscaling", "horizontalpodautoscalers", ""),
        can(false, "create", "autoscaling", "horizontalpodautoscalers", ""),
        // may not: change what users declared
        can(false, "update", "headroom.dev", "scalingpolicies", ""),
        can(false, "delete", "headroom.dev", "scalingpolicies", ""),
        can(false, "create", "headroom.dev", "connectionbudgets", ""),
        can(false, "patch", "headroom.dev", "connectionbudgets", ""),
        can(false, "delete", "headroom.dev", "connectionbudgets", ""),
        // may not: RBAC, escalation, cluster objects
        can(false, "create", "rbac.authorization.k8s.io", "rolebindings", ""),
        can(false, "create", "rbac.authorization.k8s.io", "clusterrolebindings", ""),
        can(false, "update", "rbac.authorization.k8s.io", "clusterroles", ""),
        can(false, "escalate", "rbac.authorization.k8s.io", "clusterroles", ""),
        can(false, "bind", "rbac.authorization.k8s.io", "clusterroles", ""),
        can(false, "impersonate", "", "users", ""),
        can(false, "impersonate", "", "serviceaccounts", ""),
        can(false, "create", "", "namespaces", ""),
        can(false, "delete", "", "namespaces", ""),
        can(false, "update", "", "namespaces", ""),
        can(false, "get", "", "nodes", ""),
        can(false, "create", "apiextensions.k8s.io", "customresourcedefinitions", ""),
        can(false, "update", "apiextensions.k8s.io", "customresourcedefinitions", ""),
        can(false, "delete", "coordination.k8s.io", "leases", ""),
        can(false, "delete", "", "events", ""));
  }

  private static Arguments can(
      boolean allowed, String verb, String group, String resource, String sub) {
    return Arguments.of(
        (allowed ? "may " : "may not ")
            + verb
            + " "
            + (group.isEmpty() ? "" : group + "/")
            + resource
            + (sub.isEmpty() ? "" : "/" + sub),
        allowed,
        verb,
        group,
        resource,
        sub);
  }

  /** The same question {@code kubectl auth can-i VERB RESOURCE --as=<the service account>} asks. */
  @ParameterizedTest(name = "{0}")
  @MethodSource
  void accessMatrix(
      String name,
      boolean allowed,
      String verb,
      String group,
      String resource,
      String sub,
      KubernetesClient client,
      TestNamespace ns) {
    SubjectAccessReview review =
        client
            .authorization()
            .v1()
            .subjectAccessReview()
            .create(
                new SubjectAccessReviewBuilder()
                    .withNewSpec()
                    .withUser(USER)
                    .withGroups(GROUPS)
                    .withNewResourceAttributes()
                    .withNamespace(
                        resource.equals("namespaces")
                                || resource.equals("nodes")
                                || resource.startsWith("cluster")
                                || resource.equals("customresourcedefinitions")
                                || resource.equals("users")
                            ? null
                            : ns.name())
                    .withVerb(verb)
                    .withGroup(group)
                    .withResource(resource)
                    .withSubresource(sub.isEmpty() ? null : sub)
                    .endResourceAttributes()
                    .endSpec()
                    .build());
    assertThat(review.getStatus().getAllowed()).as(name).isEqualTo(allowed);
  }

  /**
   * RBAC cannot restrict fields: {@code patch} on Deployments is granted because the pool is
   * delivered through the pod template. So the operator's own writes are checked: after it scaled a
   * workload and resized its pool, the fields it manages are exactly replicas (through the scale
   * subresource) and the one env var it was told to set, and nothing else of the spec differs from
   * what the owner applied.
   */
  @Test
  void theOperatorWritesOnlyReplicasAndTheConfiguredPoolField(
      KubernetesClient client, TestNamespace ns, Prometheus prometheus) {
    client.resource(Fixtures.budget("pg", 300, 0)).create();
    Deployment applied = Fixtures.web("shop", 1, 5);
    applied.getMetadata().setNamespace(ns.name());
    client.resource(applied).fieldManager(TEST_MANAGER).forceConflicts().serverSideApply();
    Deployment before = client.apps().deployments().withName("shop").get();
    prometheus.setLoad(Fixtures.LOAD_METRIC, Map.of("ns", ns.name(), "app", "shop"), 30);
    client.resource(Fixtures.policy("shop", ns.name(), "pg", "Enforce")).create();

    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              Deployment d = client.apps().deployments().withName("shop").get();
              assertThat(d.getSpec().getReplicas()).isEqualTo(3);
              assertThat(env(d)).isNotEqualTo("5");
            });
    Deployment after = client.apps().deployments().withName("shop").get();

    // 1. The spec differs from what was applied only in replicas and the pool env var.
    Deployment normalized = Serialization.clone(after);
    normalized.getSpec().setReplicas(before.getSpec().getReplicas());
    normalized
        .getSpec()
        .getTemplate()
        .getSpec()
        .getContainers()
        .get(0)
        .getEnv()
        .get(0)
        .setValue(env(before));
    assertThat(Serialization.asJson(normalized.getSpec()))
        .isEqualTo(Serialization.asJson(before.getSpec()));

    // 2. The fields the operator manages, by managedFields: nothing but those two.
    Set<String> operatorFields = new TreeSet<>();
    List<String> managers = new ArrayList<>();
    for (var entry : after.getMetadata().getManagedFields()) {
      managers.add(entry.getManager() + "/" + entry.getOperation() + "/" + entry.getSubresource());
      if (TEST_MANAGER.equals(entry.getManager())
          || "kube-controller-manager".equals(entry.getManager())) {
        continue;
      }
      leaves(
          Serialization.jsonMapper()
              .convertValue(entry.getFieldsV1().getAdditionalProperties(), Map.class),
          "",
          operatorFields);
    }
    assertThat(operatorFields)
        .as("fields written by the operator; managers " + managers)
        .containsExactlyInAnyOrder(
            "f:spec/f:replicas",
            "f:spec/f:template/f:spec/f:containers/k:{\"name\":\"app\"}/f:env/k:{\"name\":\""
                + Fixtures.POOL_ENV
                + "\"}/f:value");
    assertThat(operator.alive()).isTrue();
  }

  @Test
  void aPolicyCannotDrawOnABudgetInANamespaceThatDoesNotAllowIt(
      KubernetesClient client, TestNamespace ns) throws Exception {
    String db = ns.name() + "-db";
    client
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(db).endMetadata().build())
        .create();
    try {
      ConnectionBudget budget = Fixtures.budget("orders", 200, 0);
      budget.getSpec().setAllowedNamespaces(List.of("payments"));
      client.resource(budget).inNamespace(db).create();
      client.resource(Fixtures.web("thief", 2, 7)).create();
      await()
          .atMost(Duration.ofMinutes(1))
          .until(
              () ->
                  Integer.valueOf(2)
                      .equals(
                          client
                              .apps()
                              .deployments()
                              .withName("thief")
                              .get()
                              .getStatus()
                              .getReadyReplicas()));
      long generation =
          client.apps().deployments().withName("thief").get().getMetadata().getGeneration();
      ScalingPolicy policy = Fixtures.policy("thief", ns.name(), "orders", "Enforce");
      policy.getSpec().getConnections().getBudgetRef().setNamespace(db);
      client.resource(policy).create();

      await()
          .atMost(Duration.ofMinutes(1))
          .pollInterval(Duration.ofSeconds(1))
          .untilAsserted(
              () -> {
                var status =
                    client.resources(ScalingPolicy.class).withName("thief").get().getStatus();
                assertThat(status).isNotNull();
                var found = Conditions.find(status.getConditions(), "Ready");
                assertThat(found).isPresent();
                var ready = found.get();
                assertThat(ready.getStatus()).isEqualTo("False");
                assertThat(ready.getReason()).isEqualTo("BudgetForbidden");
                assertThat(ready.getMessage())
                    .contains(
                        "spec.connections.budgetRef", "does not allow namespace " + ns.name());
              });
      Thread.sleep(6_000); // a few more rounds of both reconcilers
      ConnectionBudget seen =
          client.resources(ConnectionBudget.class).inNamespace(db).withName("orders").get();
      assertThat(seen.getStatus().getConsumers()).as("no grant issued").isEmpty();
      assertThat(
              Conditions.find(seen.getStatus().getConditions(), "Ready").orElseThrow().getMessage())
          .contains(ns.name() + "/thief");
      assertThat(client.apps().deployments().withName("thief").get().getMetadata().getGeneration())
          .as("the workload is untouched")
          .isEqualTo(generation);

      // Control: once the budget allows the namespace, the same policy gets a grant.
      UserEdit.of(
          client.resources(ConnectionBudget.class).inNamespace(db).withName("orders"),
          b -> {
            b.getSpec().setAllowedNamespaces(List.of("payments", ns.name()));
            return b;
          });
      await()
          .atMost(Duration.ofMinutes(1))
          .pollInterval(Duration.ofSeconds(1))
          .untilAsserted(
              () ->
                  assertThat(
                          client
                              .resources(ConnectionBudget.class)
                              .inNamespace(db)
                              .withName("orders")
                              .get()
                              .getStatus()
                              .getConsumers())
                      .anyMatch(c -> c.getPolicy().equals(ns.name() + "/thief")));
    } finally {
      client.namespaces().withName(db).delete();
      client.namespaces().withName(db).waitUntilCondition(n -> n == null, 1, TimeUnit.MINUTES);
    }
  }

  private static String env(Deployment d) {
    return d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
        .filter(e -> Fixtures.POOL_ENV.equals(e.getName()))
        .findFirst()
        .orElseThrow()
        .getValue();
  }

  /**
   * Paths of the leaves of a managedFields {@code fieldsV1} tree ({@code "."} marks a set itself).
   */
  @SuppressWarnings("unchecked")
  private static void leaves(Map<String, Object> node, String path, Set<String> out) {
    boolean hasChildren = false;
    for (var e : node.entrySet()) {
      if (e.getKey().equals(".")) {
        continue;
      }
      hasChildren = true;
      leaves(
          e.getValue() instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of(),
          path.isEmpty() ? e.getKey() : path + "/" + e.getKey(),
          out);
    }
    if (!hasChildren && !path.isEmpty()) {
      out.add(path);
    }
  }

  private static void assertForbidden(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOf(KubernetesClientException.class)
        .satisfies(
            e ->
                assertThat(((KubernetesClientException) e).getCode())
                    .as(e.getMessage())
                    .isEqualTo(403));
  }
}
