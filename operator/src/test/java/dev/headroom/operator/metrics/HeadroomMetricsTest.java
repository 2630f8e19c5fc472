package dev.headroom.operator.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.operator.api.v1alpha1.ForecastStatus;
import dev.headroom.operator.forecast.ForecastOutcome;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HeadroomMetricsTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final HeadroomMetrics metrics = new HeadroomMetrics(registry);

  @Test
  void aDeletedPolicysGaugesAreNoLongerServedAndOtherPoliciesKeepTheirs() {
    everyPolicyGauge("shop", "checkout");
    everyPolicyGauge("shop", "catalog");
    everyPolicyGauge("other", "checkout");
    assertThat(gaugesOf("shop", "checkout")).hasSize(9);

    metrics.forgetPolicy("shop", "checkout");

    assertThat(gaugesOf("shop", "checkout")).isEmpty();
    assertThat(gaugesOf("shop", "catalog")).hasSize(9);
    assertThat(gaugesOf("other", "checkout")).hasSize(9);
    assertThat(registry.find("headroom_policy_pool_size").tag("policy", "catalog").gauge().value())
        .isEqualTo(12);
  }

  @Test
  void aPolicyCreatedAgainUnderTheSameNameGetsFreshGauges() {
    everyPolicyGauge("shop", "checkout");
    metrics.forgetPolicy("shop", "checkout");

    metrics.policyPool("shop", "checkout", 7);

    assertThat(gaugesOf("shop", "checkout")).hasSize(1);
    assertThat(registry.find("headroom_policy_pool_size").tag("policy", "checkout").gauge().value())
        .isEqualTo(7);
  }

  @Test
  void forgettingAPolicyLeavesBudgetsAndTheirGrantsAlone() {
    everyPolicyGauge("shop", "checkout");
    metrics.budget("shop", "pg", 90, 60, 10, 20, false);
    metrics.consumerGrant("shop", "pg", "shop/checkout", 40);

    metrics.forgetPolicy("shop", "checkout");

    assertThat(registry.find("headroom_budget_grant_connections").gauges()).hasSize(1);
    assertThat(registry.find("headroom_budget_available_connections").gauges()).hasSize(1);
  }

  @Test
  void grantsOfPoliciesThatLeftABudgetAreRemovedOnItsNextRound() {
    metrics.consumerGrant("shop", "pg", "shop/checkout", 40);
    metrics.consumerGrant("shop", "pg", "shop/catalog", 30);
    metrics.consumerGrant("shop", "other-pg", "shop/checkout", 5);

    metrics.budgetConsumers("shop", "pg", Set.of("shop/catalog"));

    assertThat(registry.find("headroom_budget_grant_connections").gauges())
        .extracting(g -> g.getId().getTag("budget") + " " + g.getId().getTag("policy"))
        .containsExactlyInAnyOrder("pg shop/catalog", "other-pg shop/checkout");
  }

  private void everyPolicyGauge(String namespace, String name) {
    metrics.policyReplicas(namespace, name, 3, 4);
    metrics.policyPool(namespace, name, 12);
    metrics.policyBudgetLimited(namespace, name, true);
    metrics.policyMetricsAvailable(namespace, name, true);
    ForecastStatus status = new ForecastStatus();
    status.setPredictedLoad(120.5);
    status.setErrorSmape(0.12);
    metrics.policyForecast(
        namespace,
        name,
        new ForecastOutcome(OptionalInt.of(5), true, "Ready", "learnt", Optional.of(status)));
  }

  private List<Meter> gaugesOf(String namespace, String name) {
    return registry.getMeters().stream()
        .filter(
            m ->
                namespace.equals(m.getId().getTag("namespace"))
                    && name.equals(m.getId().getTag("policy")))
        .toList();
  }
}
