package dev.headroom.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.headroom.operator.api.v1alpha1.ConnectionBudget;
import dev.headroom.operator.api.v1alpha1.ConsumerGrant;
import dev.headroom.operator.api.v1alpha1.ScalingPolicy;
import dev.headroom.operator.prometheus.FakePrometheus;
import dev.headroom.operator.status.ConditionTypes;
import dev.headroom.operator.status.EventReasons;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One budget round against a mock API server: the grants and conditions it writes. */
@EnableKubernetesMockClient(crud = true)
class ConnectionBudgetReconcilerTest {

  KubernetesMockServer server;
  KubernetesClient client;
  FakePrometheus prometheus;
  ReconcilerFixture fixture;

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
  void sharesItsConnectionsBetweenTwoConsumers() {
    fixture.create(ConnectionBudget.class, budget(""));
    ScalingPolicy checkout = consumer("checkout", 4, 20);
    ScalingPolicy catalog = consumer("catalog", 6, 30);

    fixture.budgets.reconcile(fixture.budget("shop", "orders-db"), Stream.of(checkout, catalog));

    var status = fixture.budget("shop", "orders-db").getStatus();
    assertThat(status.getConsumers())
        .extracting(ConsumerGrant::getPolicy)
        .containsExactlyInAnyOrder("shop/checkout", "shop/catalog");
    int granted = status.getConsumers().stream().mapToInt(ConsumerGrant::getGrant).sum();
    assertThat(granted).isEqualTo(status.getAllocated()).isLessThanOrEqualTo(180);
    assertThat(status.getConsumers())
        .allSatisfy(
            g -> {
              assertThat(g.getGrant()).isGreaterThanOrEqualTo(g.getMinimum());
              assertThat(g.getGrantSeq()).isPositive();
            });
    assertThat(condition(ConditionTypes.READY).getStatus()).isEqualTo("True");
    assertThat(condition(ConditionTypes.READY).getMessage()).startsWith("2 consumers");
  }

  /**
   * One consumer whose ceiling, (10 + 0) x 10 = 100, fits the 180 available: it is lent its
   * ceiling, and a change of its demand moves no grant, so the status of the budget (1,000
   * consumers at scale) is not rewritten for it until the budget sync period is up.
   */
  @Test
  void aDemandThatMovesNoGrantIsReportedAtTheNextSync() {
    fixture.create(ConnectionBudget.class, budget(""));
    ScalingPolicy checkout = consumer("checkout", 4, 40);
    fixture.budgets.reconcile(fixture.budget("shop", "orders-db"), Stream.of(checkout));
    // The consumer acknowledges its grant; the budget settles.
    ConnectionBudget issued = fixture.budget("shop", "orders-db");
    checkout = reporting(checkout, 4, 40);
    checkout
        .getStatus()
        .setAcknowledgedGrantSeq(issued.getStatus().getConsumers().get(0).getGrantSeq());
    fixture.clock.advance(java.time.Duration.ofSeconds(2));
    fixture.budgets.reconcile(issued, Stream.of(checkout));
    ConnectionBudget lent = fixture.budget("shop", "orders-db");
    assertThat(lent.getStatus().getConsumers())
        .singleElement()
        .satisfies(
            g -> {
              assertThat(g.getGrant()).isEqualTo(100);
              assertThat(g.getDemand()).isEqualTo(40);
            });

    ScalingPolicy busier = reporting(checkout, 6, 60);
    fixture.clock.advance(java.time.Duration.ofSeconds(10));
    fixture.budgets.reconcile(lent, Stream.of(busier));
    assertThat(fixture.budget("shop", "orders-db").getMetadata().getResourceVersion())
        .as("only the reported demand moved: not written yet")
        .isEqualTo(lent.getMetadata().getResourceVersion());

    fixture.clock.advance(java.time.Duration.ofSeconds(30));
    fixture.budgets.reconcile(lent, Stream.of(busier));
    ConnectionBudget reported = fixture.budget("shop", "orders-db");
    assertThat(reported.getMetadata().getResourceVersion())
        .isNotEqualTo(lent.getMetadata().getResourceVersion());
    assertThat(reported.getStatus().getConsumers())
        .singleElement()
        .satisfies(
            g -> {
              assertThat(g.getGrant()).isEqualTo(100);
              assertThat(g.getDemand()).isEqualTo(60);
              assertThat(g.getInUseBound()).isEqualTo(60);
            });
  }

  /** Two consumers whose ceilings (200) do not fit 180: a new demand moves grants at once. */
  @Test
  void aDemandThatMovesAGrantIsWrittenAtOnce() {
    fixture.create(ConnectionBudget.class, budget(""));
    ScalingPolicy checkout = consumer("checkout", 4, 40);
    ScalingPolicy catalog = consumer("catalog", 2, 20);
    fixture.budgets.reconcile(fixture.budget("shop", "orders-db"), Stream.of(checkout, catalog));
    ConnectionBudget first = fixture.budget("shop", "orders-db");

    fixture.clock.advance(java.time.Duration.ofSeconds(1));
    fixture.budgets.reconcile(first, Stream.of(reporting(checkout, 8, 40), catalog));

    ConnectionBudget after = fixture.budget("shop", "orders-db");
    assertThat(after.getMetadata().getResourceVersion())
        .isNotEqualTo(first.getMetadata().getResourceVersion());
    assertThat(after.getStatus().getConsumers())
        .filteredOn(g -> g.getPolicy().equals("shop/checkout"))
        .singleElement()
        .satisfies(g -> assertThat(g.getTarget()).isEqualTo(80));
  }

  @Test
  void aFailedRoundShowsItsCauseInStatus() {
    fixture.create(
        ConnectionBudget.class,
        budget(
            """
          namespaceSelector: {matchLabels: {team: shop}}
        """));
    server.expect().get().withPath("/api/v1/namespaces").andReturn(500, "etcd is down").always();
    ConnectionBudget cached = fixture.budget("shop", "orders-db");

    assertThatThrownBy(
            () -> fixture.budgets.reconcile(cached, Stream.of(consumer("checkout", 4, 20))))
        .isInstanceOf(KubernetesClientException.class);
    KubernetesClientException failure = catchFailure(cached);
    fixture.budgets.updateErrorStatus(cached, null, failure);

    Condition ready = condition(ConditionTypes.READY);
    assertThat(ready.getStatus()).isEqualTo("False");
    assertThat(ready.getReason()).isEqualTo(EventReasons.API_ERROR);
    assertThat(ready.getMessage())
        .startsWith("reconcile failed, retrying with backoff;" + " grants are left as they are:");
  }

  @Test
  void anInvalidSpecLeavesGrantsAsTheyAre() {
    fixture.create(
        ConnectionBudget.class,
        """
        apiVersion: headroom.dev/v1alpha1
        kind: ConnectionBudget
        metadata: {name: orders-db, namespace: shop}
        spec: {maxConnections: 10, reserved: 20}
        """);

    fixture.budgets.reconcile(fixture.budget("shop", "orders-db"), Stream.of());

    Condition ready = condition(ConditionTypes.READY);
    assertThat(ready.getStatus()).isEqualTo("False");
    assertThat(ready.getReason()).isEqualTo(EventReasons.INVALID_SPEC);
  }

  private KubernetesClientException catchFailure(ConnectionBudget cached) {
    try {
      fixture.budgets.reconcile(cached, Stream.of(consumer("checkout", 4, 20)));
    } catch (KubernetesClientException e) {
      return e;
    }
    throw new AssertionError("the round did not fail");
  }

  private static String budget(String extraSpec) {
    return """
        apiVersion: headroom.dev/v1alpha1
        kind: ConnectionBudget
        metadata: {name: orders-db, namespace: shop}
        spec:
          maxConnections: 200
          reserved: 20
        """
        + extraSpec;
  }

  /** A policy that has reported: asks {@code requested} replicas and holds {@code bound}. */
  private ScalingPolicy consumer(String name, int requested, long bound) {
    return fixture.create(
        ScalingPolicy.class,
        """
        apiVersion: headroom.dev/v1alpha1
        kind: ScalingPolicy
        metadata: {name: %s, namespace: shop}
        spec:
          targetRef: {apiVersion: apps/v1, kind: Deployment, name: %s}
          replicas: {min: 1, max: 10}
          load:
            signals: [{name: requests, query: 'sum(rate(x[1m]))', target: 10}]
          connections:
            budgetRef: {name: orders-db}
            poolSize: {min: 5, max: 10}
        status: {requestedReplicas: %d, maxSurge: 0, inUseBound: %d}
        """
            .formatted(name, name, requested, bound));
  }

  /** {@code policy} as its informer would see it after it reported another demand and bound. */
  private ScalingPolicy reporting(ScalingPolicy policy, int requested, long bound) {
    ScalingPolicy later = client.getKubernetesSerialization().clone(policy);
    later.getStatus().setRequestedReplicas(requested);
    later.getStatus().setInUseBound(bound);
    return later;
  }

  private Condition condition(String type) {
    return fixture.budget("shop", "orders-db").getStatus().getConditions().stream()
        .filter(c -> type.equals(c.getType()))
        .findFirst()
        .orElseThrow();
  }
}
