package dev.headroom.operator.metrics;

import dev.headroom.operator.forecast.ForecastOutcome;
import dev.headroom.operator.prometheus.QueryObserver;
import dev.headroom.operator.prometheus.QueryOutcome;
import dev.headroom.operator.prometheus.QueryType;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The operator's own metrics, served on {@code /q/metrics}. Names and labels are listed in
 * docs/operations.md; per-policy gauges carry namespace and name like kube-state-metrics does.
 */
@ApplicationScoped
public class HeadroomMetrics implements QueryObserver {

  private final MeterRegistry registry;

  /** Every gauge registered, by its name and tags, so that it can be removed again. */
  private final Map<Meter.Id, AtomicLong> gauges = new ConcurrentHashMap<>();

  private final Map<Meter.Id, DoubleHolder> doubleGauges = new ConcurrentHashMap<>();

  /** The meters as registered (their ids may carry the registry's common tags besides ours). */
  private final Map<Meter.Id, Gauge> registered = new ConcurrentHashMap<>();

  public HeadroomMetrics(MeterRegistry registry) {
    this.registry = registry;
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
    gauge(
            "headroom_policy_replicas",
            Tags.of("namespace", namespace, "policy", name, "kind", "current"))
        .set(current);
    gauge(
            "headroom_policy_replicas",
            Tags.of("namespace", namespace, "policy", name, "kind", "desired"))
        .set(desired);
  }

  public void policyPool(String namespace, String name, int pool) {
    gauge("headroom_policy_pool_size", Tags.of("namespace", namespace, "policy", name)).set(pool);
  }

  public void policyBudgetLimited(String namespace, String name, boolean limited) {
    gauge("headroom_policy_budget_limited", Tags.of("namespace", namespace, "policy", name))
        .set(limited ? 1 : 0);
  }

  public void policyMetricsAvailable(String namespace, String name, boolean available) {
    gauge("headroom_policy_metrics_available", Tags.of("namespace", namespace, "policy", name))
        .set(available ? 1 : 0);
  }

  /**
   * The forecast of a policy: {@code headroom_forecast_ready} (1/0), and once it has learnt, {@code
   * headroom_forecast_replicas}, {@code headroom_forecast_predicted_load} and {@code
   * headroom_forecast_error_ratio} (backtest sMAPE as a ratio).
   */
  public void policyForecast(String namespace, String name, ForecastOutcome forecast) {
    Tags tags = Tags.of("namespace", namespace, "policy", name);
    gauge("headroom_forecast_ready", tags).set(forecast.ready() ? 1 : 0);
    forecast.replicas().ifPresent(r -> gauge("headroom_forecast_replicas", tags).set(r));
    forecast
        .status()
        .ifPresent(
            s -> {
              if (s.getPredictedLoad() != null) {
                doubleGauge("headroom_forecast_predicted_load", tags).set(s.getPredictedLoad());
              }
              if (s.getErrorSmape() != null) {
                doubleGauge("headroom_forecast_error_ratio", tags).set(s.getErrorSmape());
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
    Tags tags = Tags.of("namespace", namespace, "budget", name);
    gauge("headroom_budget_available_connections", tags).set(available);
    gauge("headroom_budget_allocated_connections", tags).set(allocated);
    gauge("headroom_budget_headroom_connections", tags).set(headroom);
    gauge("headroom_budget_held_connections", tags).set(held);
    gauge("headroom_budget_overcommitted", tags).set(overcommitted ? 1 : 0);
  }

  public void consumerGrant(String namespace, String budget, String policy, long grant) {
    gauge(
            "headroom_budget_grant_connections",
            Tags.of("namespace", namespace, "budget", budget, "policy", policy))
        .set(grant);
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
    forget(
        id ->
            namespace.equals(id.getTag("namespace"))
                && name.equals(id.getTag("policy"))
                && id.getTag("budget") == null);
  }

  /** Removes the grant gauges of a budget's policies that are no longer its consumers. */
  public void budgetConsumers(String namespace, String budget, Set<String> policies) {
    forget(
        id ->
            id.getName().equals("headroom_budget_grant_connections")
                && namespace.equals(id.getTag("namespace"))
                && budget.equals(id.getTag("budget"))
                && !policies.contains(id.getTag("policy")));
  }

  private void forget(Predicate<Meter.Id> which) {
    registered
        .keySet()
        .removeIf(
            id -> {
              if (!which.test(id)) {
                return false;
              }
              registry.remove(registered.get(id));
              gauges.remove(id);
              doubleGauges.remove(id);
              return true;
            });
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

  private DoubleHolder doubleGauge(String name, Tags tags) {
    return doubleGauges.computeIfAbsent(
        id(name, tags),
        k -> {
          DoubleHolder value = new DoubleHolder();
          registered.put(
              k, Gauge.builder(name, value, DoubleHolder::get).tags(tags).register(registry));
          return value;
        });
  }

  /** A gauge's value that is not a whole number. */
  private static final class DoubleHolder {
    private volatile double value = Double.NaN;

    void set(double v) {
      value = v;
    }

    double get() {
      return value;
    }
  }

  private static Meter.Id id(String name, Tags tags) {
    return new Meter.Id(name, tags, null, null, Meter.Type.GAUGE);
  }

  private AtomicLong gauge(String name, Tags tags) {
    return gauges.computeIfAbsent(
        id(name, tags),
        k -> {
          AtomicLong value = new AtomicLong();
          registered.put(
              k, Gauge.builder(name, value, AtomicLong::get).tags(tags).register(registry));
          return value;
        });
  }
}
