package dev.headroom.operator.config;

import dev.headroom.operator.forecast.HistoryCache;
import dev.headroom.operator.forecast.PolicyForecaster;
import dev.headroom.operator.forecast.PrometheusHistorySource;
import dev.headroom.operator.metrics.HeadroomMetrics;
import dev.headroom.operator.metrics.ObjectGauges;
import dev.headroom.operator.prometheus.CircuitBreaker;
import dev.headroom.operator.prometheus.PrometheusClient;
import dev.headroom.operator.prometheus.PrometheusEndpoint;
import dev.headroom.operator.review.DecisionRecorder;
import dev.headroom.operator.review.DecisionRecorders;
import dev.headroom.operator.review.JsonDecisionLog;
import dev.headroom.operator.review.TimelineStore;
import dev.headroom.operator.signal.SignalHub;
import dev.headroom.operator.status.EventPublisher;
import dev.headroom.operator.status.EventQueue;
import dev.headroom.operator.workload.ClusterCache;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds the plain-Java collaborators from configuration; the only place they are wired. */
public class OperatorBeans {

  @Produces
  @Singleton
  Clock clock(HeadroomConfig config) {
    return OperatorClock.of(config.clock().start(), Clock.systemUTC());
  }

  /**
   * Builds the clock, the forecaster and the shard when the application starts, before leader
   * election, so that a bad {@code headroom.clock.start}, {@code headroom.forecast.*} or {@code
   * headroom.shard.*} setting stops the operator at once with its message.
   */
  void checkSettings(
      @Observes StartupEvent started,
      Clock clock,
      PolicyForecaster forecaster,
      SignalHub signals,
      Sharding sharding) {
    clock.instant();
    sharding
        .selector()
        .ifPresent(
            s ->
                org.jboss.logging.Logger.getLogger(OperatorBeans.class)
                    .infof(
                        "shard %s: reconciling only the budgets and policies it selects; Lease %s",
                        s, sharding.leaseName()));
  }

  /** The shard this operator owns and its Lease; a bad setting stops the operator at startup. */
  @Produces
  @Singleton
  Sharding sharding(HeadroomConfig config) {
    return Sharding.of(config);
  }

  /** Typed as the store only, so that the one {@link DecisionRecorder} is the fan-out below. */
  @Produces
  @Singleton
  @jakarta.enterprise.inject.Typed(TimelineStore.class)
  TimelineStore timelineStore(HeadroomConfig config) {
    return new TimelineStore(config.timeline().roundsPerPolicy(), config.timeline().maxPolicies());
  }

  /** Every decision goes to the JSON decision log and to the timeline's store. */
  @Produces
  @Singleton
  DecisionRecorder decisionRecorder(TimelineStore store) {
    return new DecisionRecorders(List.of(JsonDecisionLog.toLog(), store));
  }

  /**
   * The client rounds and the signal hub share, with one circuit breaker: while Prometheus keeps
   * failing, queries fail at once instead of tying up reconcile threads until their timeouts.
   */
  @Produces
  @Singleton
  PrometheusClient prometheus(HeadroomConfig config, HeadroomMetrics metrics, Clock clock) {
    HeadroomConfig.CircuitBreakerSettings b = config.prometheus().circuitBreaker();
    if (b.failures() < 1) {
      throw new IllegalArgumentException(
          "headroom.prometheus.circuit-breaker.failures must be at least 1, got " + b.failures());
    }
    positive("headroom.prometheus.circuit-breaker.open-for", b.openFor());
    return new PrometheusClient(
        endpoint(config.prometheus()),
        metrics,
        new CircuitBreaker(b.failures(), b.openFor(), clock));
  }

  /** Shared signal queries, asked once per tick for every policy (see SignalHub). */
  @Produces
  @Singleton
  SignalHub signalHub(
      HeadroomConfig config, PrometheusClient prometheus, Clock clock, HeadroomMetrics metrics) {
    HeadroomConfig.Signals s = checked(config.signals(), config);
    return new SignalHub(
        prometheus, clock, s.tick().multipliedBy(2), s.maxSeries(), metrics::signalWakeup);
  }

  /**
   * @throws IllegalArgumentException naming the setting that is out of range
   */
  static HeadroomConfig.Signals checked(HeadroomConfig.Signals s, HeadroomConfig config) {
    positive("headroom.signals.tick", s.tick());
    if (s.tick().compareTo(java.time.Duration.ofMinutes(1)) > 0) {
      throw new IllegalArgumentException(
          "headroom.signals.tick must be at most 1m, got " + s.tick());
    }
    if (s.maxSeries() < 1) {
      throw new IllegalArgumentException(
          "headroom.signals.max-series must be at least 1, got " + s.maxSeries());
    }
    positive("headroom.resync-period", config.resyncPeriod());
    positive("headroom.sync-period", config.syncPeriod());
    return s;
  }

  /**
   * Forecasts read their history on a few background threads with a queue of bounded length, so
   * reconciles never wait for a range query; the queries have their own, longer timeout.
   */
  @Produces
  @Singleton
  PolicyForecaster forecaster(HeadroomConfig config, HeadroomMetrics metrics) {
    HeadroomConfig.ForecastSettings f = checked(config.forecast());
    PrometheusEndpoint endpoint = endpoint(config.prometheus()).withTimeout(f.queryTimeout());
    AtomicInteger threadNo = new AtomicInteger();
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            f.threads(),
            f.threads(),
            1,
            TimeUnit.MINUTES,
            new ArrayBlockingQueue<>(1024),
            r -> {
              Thread t = new Thread(r, "headroom-history-" + threadNo.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    executor.allowCoreThreadTimeOut(true);
    HistoryCache cache =
        new HistoryCache(
            new PrometheusHistorySource(new PrometheusClient(endpoint, metrics)),
            executor,
            f.refreshPeriod(),
            f.retryPeriod());
    return new PolicyForecaster(cache, endpoint.maxSamples(), config.syncPeriod());
  }

  /**
   * @throws IllegalArgumentException naming the setting that is out of range
   */
  static HeadroomConfig.ForecastSettings checked(HeadroomConfig.ForecastSettings f) {
    positive("headroom.forecast.refresh-period", f.refreshPeriod());
    positive("headroom.forecast.retry-period", f.retryPeriod());
    positive("headroom.forecast.query-timeout", f.queryTimeout());
    if (f.threads() < 1 || f.threads() > 64) {
      throw new IllegalArgumentException(
          "headroom.forecast.threads must be between 1 and 64, got " + f.threads());
    }
    return f;
  }

  private static void positive(String name, java.time.Duration d) {
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be a positive duration, got " + d);
    }
  }

  private static PrometheusEndpoint endpoint(HeadroomConfig.Prometheus p) {
    PrometheusEndpoint endpoint =
        PrometheusEndpoint.of(URI.create(p.url()))
            .withTimeout(p.timeout())
            .withInsecureSkipTlsVerify(p.insecureSkipTlsVerify())
            .withMaxResponseBytes(p.maxResponseBytes());
    if (p.bearerTokenFile().isPresent()) {
      endpoint = endpoint.withBearerTokenFile(Path.of(p.bearerTokenFile().get()));
    }
    if (p.caFile().isPresent()) {
      endpoint = endpoint.withCaFile(Path.of(p.caFile().get()));
    }
    return endpoint;
  }

  /**
   * JOSDK's reconcile metrics per controller, not per resource: per resource, the extension's
   * default, means a timer with a histogram for every policy (690,690 histogram series and a 220 MB
   * /q/metrics at 10,000 policies, and a histogram update per reconcile).
   */
  @Produces
  @Singleton
  @Alternative
  @Priority(1)
  Metrics operatorSdkMetrics(MeterRegistry registry) {
    return MicrometerMetrics.withoutPerResourceMetrics(registry);
  }

  /** Watches per namespace, started on first use by a policy round; closed at shutdown. */
  @Produces
  @Singleton
  ClusterCache clusterCache(KubernetesClient client, Clock clock) {
    return new ClusterCache(client, clock);
  }

  void closeCache(@jakarta.enterprise.inject.Disposes ClusterCache cache) {
    cache.close();
  }

  /**
   * The gauges with a series per policy, budget or consumer, read when Prometheus scrapes {@code
   * /q/metrics}: a collector of the Prometheus registry, not a Micrometer meter per series.
   */
  @Produces
  @Singleton
  ObjectGauges objectGauges(PrometheusMeterRegistry prometheus) {
    return new ObjectGauges().register(prometheus.getPrometheusRegistry());
  }

  /** Events wait here for the one thread that sends them; 1,000 at most, as in client-go. */
  @Produces
  @Singleton
  EventQueue eventQueue(HeadroomMetrics metrics) {
    return new EventQueue(1_000, metrics::eventDropped, Duration.ofSeconds(5));
  }

  void closeEventQueue(@jakarta.enterprise.inject.Disposes EventQueue queue) {
    queue.close();
  }

  @Produces
  @Singleton
  EventPublisher events(
      KubernetesClient client, Clock clock, HeadroomConfig config, EventQueue queue) {
    return new EventPublisher(client, clock, config.eventDedupInterval(), queue);
  }
}
