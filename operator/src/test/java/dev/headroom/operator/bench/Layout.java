package dev.headroom.operator.bench;

import dev.headroom.operator.api.v1alpha1.ConnectionBudget;
import dev.headroom.operator.api.v1alpha1.ScalingPolicy;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;

/**
 * What the benchmark creates: {@code namespaces} namespaces with one ConnectionBudget each, and one
 * Deployment per policy, spread evenly. The first {@code hot} targets (round robin over the
 * namespaces) run kwok pods and carry load; the others are idle services scaled to zero (policy
 * {@code replicas.min: 0}, load 0), which still go through the whole decision path every round. One
 * policy per target: two policies on one target would conflict.
 */
record Layout(int policies, int namespaceCount, int hot) {

  static final String POOL_ENV = "DB_POOL_SIZE";
  static final int HOT_MAX = 10;

  /**
   * A fixed pool: a pool change starts a rollout that Headroom waits for before it grows (shrink,
   * confirm, grow), so the latency would measure the test bed's rollout, not the operator.
   */
  static final int POOL_MIN = 20;

  static final int POOL_MAX = 20;

  Layout {
    if (policies < namespaceCount || policies < 1) {
      throw new IllegalArgumentException(
          "at least " + namespaceCount + " policies are needed, got " + policies);
    }
    hot = Math.min(hot, policies);
  }

  record Target(String namespace, String name, boolean hot) {
    String id() {
      return namespace + "/" + name;
    }
  }

  List<String> namespaces() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < namespaceCount; i++) {
      out.add("bench-" + i);
    }
    return out;
  }

  List<Target> targets() {
    List<Target> out = new ArrayList<>(policies);
    for (int i = 0; i < policies; i++) {
      out.add(new Target("bench-" + (i % namespaceCount), String.format("svc-%05d", i), i < hot));
    }
    return out;
  }

  List<String> hotIds() {
    return targets().stream().filter(Target::hot).map(Target::id).toList();
  }

  /**
   * Room for every consumer at its maximum ({@code replicas.max} plus one surge pod, at the largest
   * pool), and 100 more. Such a budget lends each consumer its ceiling, so a scale-up within it
   * needs no budget round. (Before 2026-12-06 idle targets had room for one pod each, so grants
   * followed demand and every scale-up went through the budget's two phases.)
   */
  int budgetConnections(String namespace) {
    long inNs = targets().stream().filter(t -> t.namespace().equals(namespace)).count();
    return (int) (inNs * (HOT_MAX + 1) * POOL_MAX + 100);
  }

  ConnectionBudget budget(String namespace, KubernetesClient client) {
    return client
        .getKubernetesSerialization()
        .unmarshal(
            """
        apiVersion: headroom.dev/v1alpha1
        kind: ConnectionBudget
        metadata: {name: db, namespace: %s}
        spec: {maxConnections: %d, reserved: 0, allocation: Proportional}
        """
                .formatted(namespace, budgetConnections(namespace)),
            ConnectionBudget.class);
  }

  Deployment deployment(Target t) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName(t.name())
        .withNamespace(t.namespace())
        .addToLabels("headroom-bench", t.hot() ? "hot" : "idle")
        .endMetadata()
        .withNewSpec()
        .withReplicas(t.hot() ? OperatorBenchmark.HOT_REPLICAS : 0)
        .withNewSelector()
        .addToMatchLabels("app", t.name())
        .endSelector()
        .withNewStrategy()
        .withType("RollingUpdate")
        .withNewRollingUpdate()
        .withMaxSurge(new IntOrString(1))
        .withMaxUnavailable(new IntOrString(0))
        .endRollingUpdate()
        .endStrategy()
        .withNewTemplate()
        .withNewMetadata()
        .addToLabels("app", t.name())
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("app")
        .withImage("registry.example/app:1")
        .addNewEnv()
        .withName(POOL_ENV)
        .withValue(Integer.toString(POOL_MAX))
        .endEnv()
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  /**
   * Default HPA behavior; load at 10 per replica from the shared query {@code headroom_bench_load},
   * each policy picking its series by {@code namespace} and {@code policy} (matchLabels).
   */
  ScalingPolicy policy(Target t, KubernetesClient client) {
    return client
        .getKubernetesSerialization()
        .unmarshal(
            """
        apiVersion: headroom.dev/v1alpha1
        kind: ScalingPolicy
        metadata:
          name: %2$s
          namespace: %1$s
          labels: {headroom-bench: %3$s}
        spec:
          targetRef: {apiVersion: apps/v1, kind: Deployment, name: %2$s}
          mode: Enforce
          replicas: {min: %4$d, max: %5$d}
          load:
            signals:
            - name: load
              query: '%6$s'
              matchLabels: {namespace: '%1$s', policy: '%2$s'}
              type: AverageValue
              target: 10
          connections:
            budgetRef: {name: db}
            poolSize: {min: %7$d, max: %8$d}
            delivery: {type: Env, container: app, envName: %9$s}
        """
                .formatted(
                    t.namespace(),
                    t.name(),
                    t.hot() ? "hot" : "idle",
                    t.hot() ? 1 : 0,
                    HOT_MAX,
                    OperatorBenchmark.METRIC,
                    POOL_MIN,
                    POOL_MAX,
                    POOL_ENV),
            ScalingPolicy.class);
  }
}
