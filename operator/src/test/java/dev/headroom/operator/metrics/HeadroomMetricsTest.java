package dev.headroom.operator.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.operator.api.v1alpha1.ForecastStatus;
import dev.headroom.operator.forecast.ForecastOutcome;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What {@code /q/metrics} serves, read from the same Prometheus registry the operator scrapes. */
class HeadroomMetricsTest {

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final HeadroomMetrics metrics =
      new HeadroomMetrics(registry, new ObjectGauges().register(registry.getPrometheusRegistry()));

  @Test
  void everyGaugeOfAPolicyIsServedWithItsNamespaceAndName() {
    everyPolicyGauge("shop", "checkout");

    assertThat(seriesOf("shop", "checkout"))
        .containsExactlyInAnyOrder(
            "headroom_policy_replicas{namespace=\"shop\",policy=\"checkout\",kind=\"current\",} 3.0",
            "headroom_policy_replicas{namespace=\"shop\",policy=\"checkout\",kind=\"desired\",} 4.0",
            "headroom_policy_pool_size{namespace=\"shop\",policy=\"checkout\",} 12.0",
            "headroom_policy_budget_limited{namespace=\"shop\",policy=\"checkout\",} 1.0",
            "headroom_policy_metrics_available{namespace=\"shop\",policy=\"checkout\",} 1.0",
            "headroom_forecast_ready{namespace=\"shop\",policy=\"checkout\",} 1.0",
            "headroom_forecast_replicas{namespace=\"shop\",policy=\"checkout\",} 5.0",
            "headroom_forecast_predicted_load{namespace=\"shop\",policy=\"checkout\",} 120.5",
            "headroom_forecast_error_ratio{namespace=\"shop\",policy=\"checkout\",} 0.12");
    assertThat(registry.scrape())
        .contains("# TYPE headroom_policy_pool_size gauge")
        .contains("# HELP headroom_policy_pool_size Connection pool per pod");
  }

  @Test
  void aDeletedPolicysGaugesAreNoLongerServedAndOtherPoliciesKeepTheirs() {
    everyPolicyGauge("shop", "checkout");
    everyPolicyGauge("shop", "catalog");
    everyPolicyGauge("other", "checkout");
    assertThat(seriesOf("shop", "checkout")).hasSize(9);

    metrics.forgetPolicy("shop", "checkout");

    assertThat(seriesOf("shop", "checkout")).isEmpty();
    assertThat(seriesOf("shop", "catalog")).hasSize(9);
    assertThat(seriesOf("other", "checkout")).hasSize(9);
    assertThat(registry.scrape())
        .contains("headroom_policy_pool_size{namespace=\"shop\",policy=\"catalog\",} 12.0");
  }

  @Test
  void aPolicyCreatedAgainUnderTheSameNameGetsFreshGauges() {
    everyPolicyGauge("shop", "checkout");
    metrics.forgetPolicy("shop", "checkout");

    metrics.policyPool("shop", "checkout", 7);

    assertThat(seriesOf("shop", "checkout"))
        .containsExactly("headroom_policy_pool_size{namespace=\"shop\",policy=\"checkout\",} 7.0");
  }

  @Test
  void forgettingAPolicyLeavesBudgetsAndTheirGrantsAlone() {
    everyPolicyGauge("shop", "checkout");
    metrics.budget("shop", "pg", 90, 60, 10, 20, false);
    metrics.consumerGrant("shop", "pg", "shop/checkout", 40);

    metrics.forgetPolicy("shop", "checkout");

    assertThat(registry.scrape())
        .contains(
            "headroom_budget_grant_connections{namespace=\"shop\",budget=\"pg\",policy=\"shop/checkout\",} 40.0")
        .contains("headroom_budget_available_connections{namespace=\"shop\",budget=\"pg\",} 90.0")
        .contains("headroom_budget_headroom_connections{namespace=\"shop\",budget=\"pg\",} 20.0")
        .contains("headroom_budget_overcommitted{namespace=\"shop\",budget=\"pg\",} 0.0");
  }

  @Test
  void grantsOfPoliciesThatLeftABudgetAreRemovedOnItsNextRound() {
    metrics.consumerGrant("shop", "pg", "shop/checkout", 40);
    metrics.consumerGrant("shop", "pg", "shop/catalog", 30);
    metrics.consumerGrant("shop", "other-pg", "shop/checkout", 5);

    metrics.budgetConsumers("shop", "pg", Set.of("shop/catalog"));

    assertThat(lines("headroom_budget_grant_connections{"))
        .containsExactlyInAnyOrder(
            "headroom_budget_grant_connections{namespace=\"shop\",budget=\"pg\",policy=\"shop/catalog\",} 30.0",
            "headroom_budget_grant_connections{namespace=\"shop\",budget=\"other-pg\",policy=\"shop/checkout\",} 5.0");
  }

  @Test
  void aDeletedBudgetTakesItsGaugesAndItsConsumersGrantsWithIt() {
    metrics.budget("shop", "pg", 90, 60, 10, 20, true);
    metrics.budget("shop", "other-pg", 50, 5, 0, 45, false);
    metrics.budget("other", "pg", 70, 0, 0, 70, false);
    metrics.consumerGrant("shop", "pg", "shop/checkout", 40);
    metrics.consumerGrant("shop", "other-pg", "shop/checkout", 5);
    everyPolicyGauge("shop", "checkout");

    metrics.forgetBudget("shop", "pg");

    assertThat(registry.scrape())
        .contains("headroom_budget_overcommitted{namespace=\"other\",budget=\"pg\",} 0.0");
    assertThat(lines("headroom_budget_"))
        .noneMatch(l -> l.contains("namespace=\"shop\",budget=\"pg\""));
    assertThat(lines("headroom_budget_available_connections{"))
        .containsExactlyInAnyOrder(
            "headroom_budget_available_connections{namespace=\"shop\",budget=\"other-pg\",} 50.0",
            "headroom_budget_available_connections{namespace=\"other\",budget=\"pg\",} 70.0");
    assertThat(lines("headroom_budget_grant_connections{"))
        .containsExactly(
            "headroom_budget_grant_connections{namespace=\"shop\",budget=\"other-pg\",policy=\"shop/checkout\",} 5.0");
    assertThat(seriesOf("shop", "checkout")).hasSize(9);
  }

  @Test
  void countersAndTimersStayMicrometerMeters() {
    metrics.decision("Load", "None", "applied");
    assertThat(registry.find("headroom_decisions_total").counter().count()).isEqualTo(1);
    assertThat(registry.scrape())
        .contains(
            "headroom_decisions_total{limited_by=\"None\",outcome=\"applied\",winner=\"Load\",} 1.0");
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

  private List<String> seriesOf(String namespace, String name) {
    return lines("namespace=\"" + namespace + "\",policy=\"" + name + "\",");
  }

  private List<String> lines(String containing) {
    return registry.scrape().lines().filter(l -> l.contains(containing)).toList();
  }
}
