package dev.headroom.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.headroom.operator.api.v1alpha1.ConnectionBudget;
import dev.headroom.operator.api.v1alpha1.ScalingPolicy;
import dev.headroom.operator.status.Conditions;
import dev.headroom.testbed.TestNamespace;
import dev.headroom.testbed.WithTestBed;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each way a user can get a spec wrong: refused by the API server with a message naming the field,
 * or, where the schema cannot tell, reported in status; and nothing else changes.
 */
@WithTestBed(prometheus = true)
@WithOperator(log = "operator-invalid-spec")
class InvalidSpecIT {

  private static final String VALID_POLICY =
      """
      apiVersion: headroom.dev/v1alpha1
      kind: ScalingPolicy
      metadata: {name: NAME}
      spec:
        targetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
        replicas: {min: 1, max: 20}
        load:
          signals: [{name: rps, query: 'sum(rate(http_requests_total[1m]))', type: AverageValue, target: 40}]
        connections:
          budgetRef: {name: pg}
          poolSize: {min: 5, max: 20}
          delivery: {type: Env, container: app, envName: DB_POOL_SIZE}
        schedules:
        - {name: morning, cron: '0 9 * * 1-5', timeZone: Europe/Berlin, duration: 2h, leadTime: 10m, minReplicas: 5}
      """;
  private static OperatorProcess operator;

  static Stream<Arguments> refusedByTheApiServer() {
    return Stream.of(
        Arguments.of(
            "replicas.min above max",
            "replicas: {min: 1, max: 20}",
            "replicas: {min: 30, max: 20}",
            "replicas.min must be <= replicas.max"),
        Arguments.of(
            "negative replicas.min",
            "replicas: {min: 1, max: 20}",
            "replicas: {min: -1, max: 20}",
            "spec.replicas.min: Invalid value: -1"),
        Arguments.of(
            "replicas.max zero",
            "replicas: {min: 1, max: 20}",
            "replicas: {min: 0, max: 0}",
            "spec.replicas.max: Invalid value: 0"),
        Arguments.of(
            "pool min above max",
            "poolSize: {min: 5, max: 20}",
            "poolSize: {min: 30, max: 20}",
            "poolSize.min must be <= poolSize.max"),
        Arguments.of(
            "pool of zero",
            "poolSize: {min: 5, max: 20}",
            "poolSize: {min: 0, max: 20}",
            "spec.connections.poolSize.min: Invalid value: 0"),
        Arguments.of(
            "cron with four fields",
            "cron: '0 9 * * 1-5'",
            "cron: '0 9 * *'",
            "spec.schedules[0].cron"),
        Arguments.of(
            "duration in words",
            "duration: 2h",
            "duration: two hours",
            "spec.schedules[0].duration"),
        Arguments.of(
            "time zone with spaces",
            "timeZone: Europe/Berlin",
            "timeZone: 'Central European'",
            "spec.schedules[0].timeZone"),
        Arguments.of(
            "schedule floor above replicas.max",
            "minReplicas: 5}",
            "minReplicas: 50}",
            "every schedules[].minReplicas must be <= replicas.max"),
        Arguments.of(
            "unknown mode",
            "replicas: {min: 1, max: 20}",
            "replicas: {min: 1, max: 20}\n  mode: Sometimes",
            "Unsupported value: \"Sometimes\""),
        Arguments.of(
            "unknown signal type",
            "type: AverageValue",
            "type: Rate",
            "Unsupported value: \"Rate\""),
        Arguments.of("zero target", "target: 40", "target: 0", "spec.load.signals[0].target"),
        Arguments.of(
            "no load signal",
            "signals: [{name: rps, query: 'sum(rate(http_requests_total[1m]))', type: AverageValue, target: 40}]",
            "signals: []",
            "load needs at least one signal or a concurrency signal"),
        Arguments.of(
            "env delivery without container",
            "delivery: {type: Env, container: app, envName: DB_POOL_SIZE}",
            "delivery: {type: Env}",
            "delivery type Env needs container and envName"),
        Arguments.of(
            "configmap delivery without key",
            "delivery: {type: Env, container: app, envName: DB_POOL_SIZE}",
            "delivery: {type: ConfigMap, configMapName: pools}",
            "delivery type ConfigMap needs configMapName and key"),
        Arguments.of(
            "missing targetRef",
            "targetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  replicas",
            "replicas",
            "spec.targetRef: Required value"),
        Arguments.of(
            "lower-case kind",
            "kind: Deployment, name: web",
            "kind: deployment, name: web",
            "spec.targetRef.kind"),
        Arguments.of(
            "history limit too large",
            "replicas: {min: 1, max: 20}",
            "replicas: {min: 1, max: 20}\n  historyLimit: 500",
            "spec.historyLimit: Invalid value: 500"),
        Arguments.of(
            "concurrency without capacity",
            "signals: [{name: rps, query: 'sum(rate(http_requests_total[1m]))', type: AverageValue, target: 40}]",
            "concurrency: {rateQuery: 'sum(rate(x[1m]))', latencyQuery: 'max(y)'}",
            "load.concurrency needs capacity"),
        Arguments.of(
            "forecast of an unknown signal",
            "replicas: {min: 1, max: 20}",
            "replicas: {min: 1, max: 20}\n  forecast: {signal: latency}",
            "forecast.signal must name one of load.signals"),
        Arguments.of(
            "string for an integer",
            "replicas: {min: 1, max: 20}",
            "replicas: {min: one, max: 20}",
            "spec.replicas.min: Invalid value: \"string\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void refusedByTheApiServer(
      String name, String valid, String invalid, String message, KubernetesClient client) {
    assertThat(VALID_POLICY).contains(valid);
    String yaml = VALID_POLICY.replace("NAME", "bad").replace(valid, invalid);
    GenericKubernetesResource policy =
        Serialization.unmarshal(yaml, GenericKubernetesResource.class);
    assertThatThrownBy(() -> client.resource(policy).create())
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining(message);
    assertThat(client.resources(ScalingPolicy.class).withName("bad").get()).isNull();
  }

  static Stream<Arguments> budgetsRefused() {
    return Stream.of(
        Arguments.of(
            "reserved not below max",
            "{maxConnections: 100, reserved: 100}",
            "reserved must be < maxConnections"),
        Arguments.of(
            "zero maxConnections", "{maxConnections: 0}", "spec.maxConnections: Invalid value: 0"),
        Arguments.of(
            "negative reserved",
            "{maxConnections: 100, reserved: -5}",
            "spec.reserved: Invalid value: -5"),
        Arguments.of(
            "unknown allocation",
            "{maxConnections: 100, allocation: Random}",
            "Unsupported value: \"Random\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void budgetsRefused(String name, String spec, String message, KubernetesClient client) {
    GenericKubernetesResource budget =
        Serialization.unmarshal(
            """
        apiVersion: headroom.dev/v1alpha1
        kind: ConnectionBudget
        metadata: {name: bad-budget}
        spec: %s
        """
                .formatted(spec),
            GenericKubernetesResource.class);
    assertThatThrownBy(() -> client.resource(budget).create())
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining(message);
  }

  @Test
  void whatTheSchemaCannotTellIsReportedInStatusAndChangesNothing(
      KubernetesClient client, TestNamespace ns) throws Exception {
    client.resource(Fixtures.budget("pg", 200, 20)).create();
    client.resource(Fixtures.web("web", 2, 10)).create();
    await()
        .atMost(Duration.ofMinutes(1))
        .until(
            () ->
                Integer.valueOf(2)
                    .equals(
                        client
                            .apps()
                            .deployments()
                            .withName("web")
                            .get()
                            .getStatus()
                            .getReadyReplicas()));
    Thread.sleep(2_000);
    String deploymentVersion =
        client.apps().deployments().withName("web").get().getMetadata().getResourceVersion();

    // Other namespace's budget that does not allow this one.
    String other = ns.name() + "-db";
    client
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(other).endMetadata().build())
        .create();
    try {
      client.resource(Fixtures.budget("shared", 100, 0)).inNamespace(other).create();
      Map<String, String[]> cases =
          Map.of(
              "zone",
                  new String[] {
                    "timeZone: Europe/Berlin",
                    "timeZone: Mars/Olympus_Mons",
                    "unknown IANA time zone 'Mars/Olympus_Mons'"
                  },
              "cron", new String[] {"cron: '0 9 * * 1-5'", "cron: '0 9 31 2 *'", "never fires"},
              "minute",
                  new String[] {
                    "cron: '0 9 * * 1-5'",
                    "cron: '99 9 * * *'",
                    "invalid 5-field cron expression '99 9 * * *'"
                  },
              "missing",
                  new String[] {
                    "budgetRef: {name: pg}",
                    "budgetRef: {name: nope}",
                    "ConnectionBudget " + ns.name() + "/nope does not exist"
                  },
              "forbidden",
                  new String[] {
                    "budgetRef: {name: pg}",
                    "budgetRef: {name: shared, namespace: " + other + "}",
                    "does not allow namespace " + ns.name()
                  });
      for (var c : cases.entrySet()) {
        String yaml =
            VALID_POLICY.replace("NAME", c.getKey()).replace(c.getValue()[0], c.getValue()[1]);
        client.resource(Serialization.unmarshal(yaml, ScalingPolicy.class)).create();
      }
      await()
          .atMost(Duration.ofMinutes(1))
          .pollInterval(Duration.ofSeconds(1))
          .untilAsserted(
              () -> {
                for (var c : cases.entrySet()) {
                  ScalingPolicy p =
                      client.resources(ScalingPolicy.class).withName(c.getKey()).get();
                  assertThat(p.getStatus()).as(c.getKey()).isNotNull();
                  var ready = Conditions.find(p.getStatus().getConditions(), "Ready");
                  assertThat(ready).as(c.getKey()).isPresent();
                  assertThat(ready.get().getStatus()).as(c.getKey()).isEqualTo("False");
                  assertThat(ready.get().getMessage()).as(c.getKey()).contains(c.getValue()[2]);
                }
              });
      Thread.sleep(4_000);
      assertThat(
              client.apps().deployments().withName("web").get().getMetadata().getResourceVersion())
          .as("no invalid policy touched the workload")
          .isEqualTo(deploymentVersion);
      ConnectionBudget shared =
          client.resources(ConnectionBudget.class).inNamespace(other).withName("shared").get();
      assertThat(shared.getStatus() == null || shared.getStatus().getConsumers().isEmpty())
          .isTrue();
      assertThat(operator.alive()).isTrue();
    } finally {
      client.namespaces().withName(other).delete();
    }
  }
}
