package dev.headroom.operator.metrics;

import dev.headroom.operator.forecast.ForecastOutcome;
import dev.headroom.operator.prometheus.QueryObserver;
import dev.headroom.operator.prometheus.QueryOutcome;
import dev.headroom.operator.prometheus.QueryType;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The operator's own metrics, served on {@code /q/metrics}. Names and labels are listed in
 * docs/operations.md; per-policy gauges carry namespace and name like kube-state-metrics does.
 */
@ApplicationScoped
public class HeadroomMetrics implements QueryObserver {

  private final MeterRegistry registry;

  private final ObjectGauges.Family policyReplicas;
  private final ObjectGauges.Family policyPool;
  private final ObjectGauges.Family policyBudgetLimited;
  private final ObjectGauges.Family policyMetricsAvailable;
  private final ObjectGauges.Family forecastReady;
  private final ObjectGauges.Family forecastReplicas;
  private final ObjectGauges.Family forecastPredictedLoad;
  private final ObjectGauges.Family forecastErrorRatio;
  private final List<ObjectGauges.Family> perPolicy;
  private final ObjectGauges.Family budgetAvailable;
  private final ObjectGauges.Family budgetAllocated;
  private final ObjectGauges.Family budgetHeadroom;
  private final ObjectGauges.Family budgetHeld;
  private final ObjectGauges.Family budgetOvercommitted;
  private final ObjectGauges.Family grants;

  /**
   * @param registry counters, timers and histograms
   * @param gauges the gauges with a series per policy, budget or consumer (served by the operator
   *     as a Prometheus collector, see OperatorBeans)
   */
  public HeadroomMetrics(MeterRegistry registry, ObjectGauges gauges) {
    this.registry = registry;
    String[] policy = {"namespace", "policy"};
    policyReplicas =
        gauges.family(
            "headroom_policy_replicas",
            "Replicas of a policy's target now (kind=current) and as decided (kind=desired)",
            "namespace",
            "policy",
            "kind");
    policyPool = gauges.family("headroom_policy_pool_size", "Connection pool per pod", policy);
    policyBudgetLimited =
        gauges.family(
            "headroom_policy_budget_limited", "1 when the budget holds the policy back", policy);
    policyMetricsAvailable =
        gauges.family(
            "headroom_policy_metrics_available", "1 when every load signal could be read", policy);
    forecastReady =
        gauges.family("headroom_forecast_ready", "1 when the forecast has learnt", policy);
    forecastReplicas =
        gauges.family("headroom_forecast_replicas", "Replicas the forecast asks for", policy);
    forecastPredictedLoad =
        gauges.family(
            "headroom_forecast_predicted_load",
            "Load the forecast predicts at the lead time",
            policy);
    forecastErrorRatio =
        gauges.family(
            "headroom_forecast_error_ratio", "Backtest error of the forecast (sMAPE)", policy);
    perPolicy =
        List.of(
            policyReplicas,
            policyPool,
            policyBudgetLimited,
            policyMetricsAvailable,
            forecastReady,
            forecastReplicas,
            forecastPredictedLoad,
            forecastErrorRatio);
    String[] budget = {"namespace", "budget"};
    budgetAvailable =
        gauges.family(
            "headroom_budget_available_connections", "Connections the budget can grant", budget);
    budgetAllocated =
        gauges.family(
            "headroom_budget_allocated_connections", "Connections granted to consumers", budget);
    budgetHeadroom =
        gauges.family(
            "headroom_budget_headroom_connections",
            "Connections that can still be granted",
            budget);
    budgetHeld =
        gauges.family(
            "headroom_budget_held_connections",
            "Connections held for consumers until they acknowledge",
            budget);
    budgetOvercommitted =
        gauges.family(
            "headroom_budget_overcommitted", "1 when in use exceeds what is available", budget);
    grants =
        gauges.family(
            "headroom_budget_grant_connections",
            "Connections granted to one consumer of a budget",
            "namespace",
            "budget",
            "policy");
  }

  /** One decision, by the source that won and what became of it (applied, dry-run, held, none). */
  public void decision(String winner, String limitedBy, String outcome) {
    registry
        .counter(
            "headroom_decisions_total",
            "winner",
            winner,
            "limited_by",
            limitedBy,
            "outcome",
            outcome)
        .increment();
  }

  public void policyReplicas(String namespace, String name, int current, int desired) {
    policyReplicas.set(current, namespace, name, "current");
    policyReplicas.set(desired, namespace, name, "desired");
  }

  public void policyPool(String namespace, String name, int pool) {
    policyPool.set(pool, namespace, name);
  }

  public void policyBudgetLimited(String namespace, String name, boolean limited) {
    policyBudgetLimited.set(limited ? 1 : 0, namespace, name);
  }

  public void policyMetricsAvailable(String namespace, String name, boolean available) {
    policyMetricsAvailable.set(available ? 1 : 0, namespace, name);
  }

  /**
   * The forecast of a policy: {@code headroom_forecast_ready} (1/0), and once it has learnt, {@code
   * headroom_forecast_replicas}, {@code headroom_forecast_predicted_load} and {@code
   * headroom_forecast_error_ratio} (backtest sMAPE as a ratio).
   */
  public void policyForecast(String namespace, String name, ForecastOutcome forecast) {
    forecastReady.set(forecast.ready() ? 1 : 0, namespace, name);
    forecast.replicas().ifPresent(r -> forecastReplicas.set(r, namespace, name));
    forecast
        .status()
        .ifPresent(
            s -> {
              if (s.getPredictedLoad() != null) {
                forecastPredictedLoad.set(s.getPredictedLoad(), namespace, name);
              }
              if (s.getErrorSmape() != null) {
                forecastErrorRatio.set(s.getErrorSmape(), namespace, name);
              }
            });
  }

  /**
   * @param headroom what can still be granted: available minus what is held for consumers (the same
   *     number as the budget's status.headroom)
   */
  public void budget(
      String namespace,
      String name,
      long available,
      long allocated,
      long held,
      long headroom,
      boolean overcommitted) {
    budgetAvailable.set(available, namespace, name);
    budgetAllocated.set(allocated, namespace, name);
    budgetHeadroom.set(headroom, namespace, name);
    budgetHeld.set(held, namespace, name);
    budgetOvercommitted.set(overcommitted ? 1 : 0, namespace, name);
  }

  public void consumerGrant(String namespace, String budget, String policy, long grant) {
    grants.set(grant, namespace, budget, policy);
  }

  /** Buckets of the reconcile-time histogram, in seconds. */
  static final Duration[] RECONCILE_BUCKETS =
      seconds(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10);

  /** Buckets of the signal-to-scale histogram, in seconds. */
  static final Duration[] SIGNAL_TO_SCALE_BUCKETS =
      seconds(0.1, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 5, 10, 20, 30, 60, 120, 300);

  /**
   * Removes every gauge of a deleted policy (replicas, pool, budget-limited, metrics available,
   * forecast): a deleted policy's last values would otherwise be served, and alerts on them stay
   * firing, until the operator restarts. Its grant gauges go with its budget's next round ({@link
   * #budgetConsumers}).
   */
  public void forgetPolicy(String namespace, String name) {
    for (ObjectGauges.Family f : perPolicy) {
      f.removeIf(labels -> labels.get(0).equals(namespace) && labels.get(1).equals(name));
    }
  }

  /**
   * Removes every gauge of a deleted budget (available, allocated, headroom, held, overcommitted,
   * and its consumers' grants), so that alerts on them stop with it.
   */
  public void forgetBudget(String namespace, String name) {
    for (ObjectGauges.Family f :
        List.of(
            budgetAvailable, budgetAllocated, budgetHeadroom, budgetHeld, budgetOvercommitted)) {
      f.removeIf(labels -> labels.get(0).equals(namespace) && labels.get(1).equals(name));
    }
    budgetConsumers(namespace, name, Set.of());
  }

  /** Removes the grant gauges of a budget's policies that are no longer its consumers. */
  public void budgetConsumers(String namespace, String budget, Set<String> policies) {
    grants.removeIf(
        labels ->
            labels.get(0).equals(namespace)
                && labels.get(1).equals(budget)
                && !policies.contains(labels.get(2)));
  }

  public Timer.Sample startReconcile() {
    return Timer.start(registry);
  }

  public void endReconcile(Timer.Sample sample, String controller, String result) {
    sample.stop(
        Timer.builder("headroom_reconcile_seconds")
            .description("Time of one reconcile, by controller and result")
            .tags("controller", controller, "result", result)
            .serviceLevelObjectives(RECONCILE_BUCKETS)
            .register(registry));
  }

  /**
   * A scale write made because of a load value: the time from the signal hub first reading that
   * value to the write (both steps of a budget grow included).
   */
  public void signalToScale(Duration elapsed) {
    Timer.builder("headroom_signal_to_scale_seconds")
        .description("From a load value first read by the signal hub to the scale write it caused")
        .serviceLevelObjectives(SIGNAL_TO_SCALE_BUCKETS)
        .register(registry)
        .record(elapsed.isNegative() ? Duration.ZERO : elapsed);
  }

  /** A status write refused because the round started from a stale copy (409). */
  public void staleWrite(String controller) {
    registry.counter("headroom_status_conflicts_total", "controller", controller).increment();
  }

  /** An Event not sent because the queue of Events waiting for the API server was full. */
  public void eventDropped() {
    registry.counter("headroom_events_dropped_total").increment();
  }

  /** A policy woken by its load leaving the band of its last decision. */
  public void signalWakeup() {
    registry.counter("headroom_signal_wakeups_total").increment();
  }

  private static Duration[] seconds(double... values) {
    Duration[] out = new Duration[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = Duration.ofNanos((long) (values[i] * 1e9));
    }
    return out;
  }

  @Override
  public void queryEnded(QueryType type, QueryOutcome outcome, Duration elapsed) {
    registry
        .timer(
            "headroom_prometheus_query_seconds",
            "type",
            type.name().toLowerCase(),
            "outcome",
            outcome.name().toLowerCase())
        .record(elapsed);
    if (outcome != QueryOutcome.SUCCESS) {
      registry
          .counter(
              "headroom_prometheus_query_errors_total", "outcome", outcome.name().toLowerCase())
          .increment();
    }
  }
}
