package dev.headroom.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.operator.api.v1alpha1.ConnectionBudget;
import dev.headroom.operator.api.v1alpha1.ScalingPolicy;
import dev.headroom.operator.prometheus.Answers;
import dev.headroom.operator.prometheus.FakePrometheus;
import dev.headroom.operator.status.ConditionTypes;
import dev.headroom.operator.status.EventReasons;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One policy round against a mock API server: what it writes to the target and to status. The scale
 * subresource, which the mock does not serve, is answered here and its writes recorded.
 */
@EnableKubernetesMockClient(crud = true)
class ScalingPolicyReconcilerTest {

  static final String NS = "shop";
  static final String SCALE = "/apis/apps/v1/namespaces/shop/deployments/checkout/scale";

  KubernetesMockServer server;
  KubernetesClient client;
  FakePrometheus prometheus;
  ReconcilerFixture fixture;
  final List<Integer> scaleWrites = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    prometheus = FakePrometheus.start();
    fixture = new ReconcilerFixture(client, prometheus.url());
  }

  @AfterEach
  void stop() {
    fixture.close();
    prometheus.close();
  }

  @Test
  void scalesUpWithinItsGrant() {
    load(100); // 100 requests/s at 25 per replica: 4 replicas
    target(2, 5);
    budget(100); // 100 connections at pool 5: up to 20 replicas
    policy(5, 5);

    runTwice();

    assertThat(scaleWrites).containsExactly(4);
    assertThat(fixture.policy(NS, "checkout").getStatus().getAcknowledgedGrantSeq()).isEqualTo(1L);
    assertThat(ready().getReason()).isEqualTo(EventReasons.SCALED);
  }

  @Test
  void shrinksThePoolBeforeAddingReplicas() {
    load(100); // 4 replicas wanted
    target(2, 20); // 2 × 20 = 40 connections held now
    budget(60); // 4 replicas fit 60 only at pool 15

    policy(5, 20);
    runTwice();

    assertThat(scaleWrites).as("no replica is added before the pool came down").isEmpty();
    assertThat(templatePool()).isEqualTo("15");
  }

  @Test
  void invalidSpecSaysWhyAndChangesNothing() {
    load(100);
    target(2, 5);
    budget(100);
    policy(5, 5, 8, 3); // replicas.min above replicas.max

    fixture.reconcile(NS, "checkout", Optional.of(fixture.budget(NS, "orders-db")));

    assertThat(ready().getStatus()).isEqualTo("False");
    assertThat(ready().getReason()).isEqualTo(EventReasons.INVALID_SPEC);
    assertThat(ready().getMessage()).contains("replicas");
    assertThat(scaleWrites).isEmpty();
  }

  @Test
  void failsStaticWhenItsLoadCannotBeRead() {
    prometheus.answer(FakePrometheus.json(503, "unavailable"));
    target(2, 5);
    budget(100);
    policy(5, 5);

    runTwice();

    assertThat(scaleWrites).isEmpty();
    assertThat(condition(ConditionTypes.METRICS_AVAILABLE).getStatus()).isEqualTo("False");
    assertThat(fixture.policy(NS, "checkout").getStatus().getCurrentReplicas()).isEqualTo(2);
  }

  @Test
  void holdsWhileTheBudgetHasGrantedNothing() {
    load(100);
    target(2, 5);
    fixture.create(ConnectionBudget.class, budgetYaml(""));
    policy(5, 5);

    runTwice();

    assertThat(scaleWrites).isEmpty();
    assertThat(ready().getStatus()).isEqualTo("False");
    assertThat(ready().getReason()).isEqualTo(EventReasons.AWAITING_GRANT);
  }

  /**
   * What the first round writes before it acts: the budget sizes its grant by maxSurge and
   * inUseBound, users and ITs wait on observedGeneration and Ready. A percentage surge is counted
   * at the largest replica count in play, here the 4 the load asks for, not the 2 that run.
   */
  @Test
  void firstRoundReportsWhatRunsItsSurgeAndItsBound() {
    load(100); // 4 replicas wanted
    target(2, 5, "50%"); // 50 % of 2 is 1, of 4 is 2
    budget(100);
    policy(5, 5);

    fixture.reconcile(NS, "checkout", Optional.of(fixture.budget(NS, "orders-db")));

    var status = fixture.policy(NS, "checkout").getStatus();
    assertThat(status.getObservedGeneration()).isEqualTo(1L);
    assertThat(status.getCurrentReplicas()).isEqualTo(2);
    assertThat(status.getRequestedReplicas()).isEqualTo(4);
    assertThat(status.getMaxSurge()).isEqualTo(2);
    assertThat(status.getInUseBound()).as("(2 running + 2 surge) × pool 5").isEqualTo(20L);
    assertThat(status.getGrant()).isEqualTo(100);
    assertThat(ready().getStatus()).isEqualTo("True");
    assertThat(ready().getReason()).isEqualTo(EventReasons.FIRST_OBSERVED);
    assertThat(scaleWrites).isEmpty();
  }

  /**
   * A round that scaled and then lost its status write to a conflict (another writer changed the
   * policy in between): the next round finds the target already scaled, and the history entry of
   * the round that did it is written then, not replaced by a "found, not decided" entry.
   */
  @Test
  void aScaleWhoseStatusWriteMetAConflictIsRecordedByTheNextRound() {
    load(100); // 4 replicas wanted
    target(2, 5);
    budget(100);
    policy(5, 5);
    fixture.reconcile(NS, "checkout", Optional.of(fixture.budget(NS, "orders-db")));
    ScalingPolicy cached = fixture.policy(NS, "checkout");
    // Another writer changed the policy in between: the API server refuses the status write.
    refuseNextStatusWrite();

    java.time.Duration next =
        fixture.policies.reconcile(
            cached,
            PolicyCaches.of(Optional.of(fixture.budget(NS, "orders-db")), List.of(cached)),
            stored -> {});

    assertThat(next).isEqualTo(dev.headroom.operator.status.StatusWriter.STALE_RETRY);
    assertThat(scaleWrites).containsExactly(4);
    assertThat(fixture.policy(NS, "checkout").getStatus().getHistory())
        .extracting(r -> r.getReason())
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith("first observed");

    client
        .apps()
        .deployments()
        .inNamespace(NS)
        .withName("checkout")
        .edit(
            d -> {
              d.getSpec().setReplicas(4);
              return d;
            });
    // The round that scaled marked the target written: the next reads it from the API server.
    fixture.reconcile(NS, "checkout", Optional.of(fixture.budget(NS, "orders-db")));

    assertThat(scaleWrites).containsExactly(4);
    assertThat(fixture.policy(NS, "checkout").getStatus().getHistory())
        .hasSize(2)
        .last()
        .satisfies(
            r -> {
              assertThat(r.getFromReplicas()).isEqualTo(2);
              assertThat(r.getToReplicas()).isEqualTo(4);
              assertThat(r.getReason()).doesNotStartWith("found");
            });
  }

  @Test
  void aConflictHandsTheRoundThePolicyAsTheApiServerHasItNow() {
    load(100);
    target(2, 5);
    budget(100);
    policy(5, 5);
    fixture.reconcile(NS, "checkout", Optional.of(fixture.budget(NS, "orders-db")));
    ScalingPolicy cached = fixture.policy(NS, "checkout");
    // A write the informer has not shown yet: the cached copy is one version behind.
    ScalingPolicy newer =
        client
            .resources(ScalingPolicy.class)
            .inNamespace(NS)
            .withName("checkout")
            .edit(
                p -> {
                  p.getMetadata().setLabels(java.util.Map.of("team", "shop"));
                  return p;
                });
    refuseNextStatusWrite();
    load(200); // a change, so that the round has a status to write
    List<ScalingPolicy> handed = new java.util.ArrayList<>();

    java.time.Duration next =
        fixture.policies.reconcile(
            cached,
            PolicyCaches.of(Optional.of(fixture.budget(NS, "orders-db")), List.of(cached)),
            handed::add);

    assertThat(next).isEqualTo(dev.headroom.operator.status.StatusWriter.STALE_RETRY);
    assertThat(handed)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.getMetadata().getResourceVersion())
                  .isEqualTo(newer.getMetadata().getResourceVersion())
                  .isNotEqualTo(cached.getMetadata().getResourceVersion());
              assertThat(p.getMetadata().getLabels()).containsEntry("team", "shop");
            });
  }

  /**
   * A policy whose target stays as it is and whose load stays within the tolerance band writes
   * nothing on its later rounds, however much time passes: at 10,000 policies a 5-minute resync is
   * 33 rounds a second, and a status write each would be 33 PUTs and 33 watch events a second for
   * nothing.
   */
  @Test
  void aSteadyRoundWritesNothing() {
    load(100); // 4 replicas wanted, and 4 run
    target(4, 5);
    budget(100);
    policy(5, 5);
    runTwice();
    String settled = fixture.policy(NS, "checkout").getMetadata().getResourceVersion();

    // The load moves within the tolerance band: nothing a reader of the status needs changes.
    for (double requests : new double[] {101, 98.5, 103}) {
      load(requests);
      fixture.clock.advance(java.time.Duration.ofMinutes(5));
      fixture.reconcile(NS, "checkout", Optional.of(fixture.budget(NS, "orders-db")));
    }

    assertThat(scaleWrites).isEmpty();
    assertThat(fixture.policy(NS, "checkout").getMetadata().getResourceVersion())
        .as("no status write after the policy settled")
        .isEqualTo(settled);
  }

  /** The API server answers the next status write of checkout with a conflict (409). */
  private void refuseNextStatusWrite() {
    server
        .expect()
        .put()
        .withPath("/apis/headroom.dev/v1alpha1/namespaces/shop/scalingpolicies/checkout/status")
        .andReturn(
            409,
            new io.fabric8.kubernetes.api.model.StatusBuilder()
                .withCode(409)
                .withReason("Conflict")
                .withMessage("the object has been modified")
                .build())
        .once();
  }

  /** The first round records what runs; the second acts. */
  private void runTwice() {
    for (int i = 0; i < 2; i++) {
      fixture.reconcile(NS, "checkout", Optional.of(fixture.budget(NS, "orders-db")));
    }
  }

  private void load(double requests) {
    prometheus.answer(
        FakePrometheus.json(
            200,
            Answers.success(
                "vector",
                "[{\"metric\":{},\"value\":[" + Answers.T0 + ",\"" + requests + "\"]}]")));
  }

  private void target(int replicas, int pool) {
    target(replicas, pool, "0");
  }

  /** The Deployment with {@code replicas} Ready pods of {@code pool}, rolled out with maxSurge. */
  private void target(int replicas, int pool, String maxSurge) {
    Deployment d =
        fixture.create(
            Deployment.class,
            """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: checkout, namespace: shop}
        spec:
          replicas: %d
          selector: {matchLabels: {app: checkout}}
          strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: %s, maxUnavailable: 1}}
          template:
            metadata: {labels: {app: checkout}}
            spec:
              containers:
                - name: checkout
                  image: nginx
                  env: [{name: DB_POOL_SIZE, value: "%d"}]
        """
                .formatted(replicas, maxSurge, pool));
    d.setStatus(
        new io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder()
            .withObservedGeneration(d.getMetadata().getGeneration())
            .withReplicas(replicas)
            .withUpdatedReplicas(replicas)
            .withReadyReplicas(replicas)
            .build());
    client.resource(d).updateStatus();
    for (int i = 0; i < replicas; i++) {
      fixture.create(
          Pod.class,
          """
          apiVersion: v1
          kind: Pod
          metadata: {name: checkout-%d, namespace: shop, labels: {app: checkout}}
          spec:
            containers:
              - name: checkout
                image: nginx
                env: [{name: DB_POOL_SIZE, value: "%d"}]
          status:
            phase: Running
            conditions: [{type: Ready, status: "True"}]
          """
              .formatted(i, pool));
    }
    server.expect().get().withPath(SCALE).andReply(200, request -> scale(replicas)).always();
    server
        .expect()
        .patch()
        .withPath(SCALE)
        .andReply(
            200,
            request -> {
              // one merge patch of spec.replicas, nothing else
              assertThat(request.getHeader("Content-Type"))
                  .startsWith("application/merge-patch+json");
              var patch =
                  client
                      .getKubernetesSerialization()
                      .unmarshal(request.getBody().readUtf8(), java.util.Map.class);
              assertThat(patch).containsOnlyKeys("spec");
              int written =
                  ((Number) ((java.util.Map<?, ?>) patch.get("spec")).get("replicas")).intValue();
              scaleWrites.add(written);
              return scale(written);
            })
        .always();
  }

  private static String scale(int replicas) {
    return "{\"apiVersion\":\"autoscaling/v1\",\"kind\":\"Scale\",\"metadata\":{\"name\":\"checkout\","
        + "\"namespace\":\"shop\"},\"spec\":{\"replicas\":"
        + replicas
        + "},\"status\":{\"replicas\":"
        + replicas
        + ",\"selector\":\"app=checkout\"}}";
  }

  private void budget(int grant) {
    fixture.create(
        ConnectionBudget.class,
        budgetYaml(
            """
        status:
          consumers:
            - {policy: shop/checkout, grant: %d, grantSeq: 1, held: %d, target: %d}
        """
                .formatted(grant, grant, grant)));
  }

  static String budgetYaml(String status) {
    return """
        apiVersion: headroom.dev/v1alpha1
        kind: ConnectionBudget
        metadata: {name: orders-db, namespace: shop}
        spec: {maxConnections: 200, reserved: 0}
        """
        + status;
  }

  private void policy(int poolMin, int poolMax) {
    policy(poolMin, poolMax, 2, 10);
  }

  private void policy(int poolMin, int poolMax, int min, int max) {
    fixture.create(
        ScalingPolicy.class,
        """
        apiVersion: headroom.dev/v1alpha1
        kind: ScalingPolicy
        metadata: {name: checkout, namespace: shop, uid: checkout-uid, generation: 1}
        spec:
          targetRef: {apiVersion: apps/v1, kind: Deployment, name: checkout}
          replicas: {min: %d, max: %d}
          load:
            signals:
              - {name: requests, query: 'sum(rate(http_requests_total{job="checkout"}[2m]))', target: 25}
          connections:
            budgetRef: {name: orders-db}
            poolSize: {min: %d, max: %d}
            delivery: {type: Env, container: checkout, envName: DB_POOL_SIZE}
        """
            .formatted(min, max, poolMin, poolMax));
  }

  private String templatePool() {
    Deployment d = client.apps().deployments().inNamespace(NS).withName("checkout").get();
    return d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().get(0).getValue();
  }

  private Condition ready() {
    return condition(ConditionTypes.READY);
  }

  private Condition condition(String type) {
    return fixture.policy(NS, "checkout").getStatus().getConditions().stream()
        .filter(c -> type.equals(c.getType()))
        .findFirst()
        .orElseThrow();
  }
}
