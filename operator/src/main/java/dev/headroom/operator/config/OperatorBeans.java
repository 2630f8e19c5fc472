package dev.headroom.operator.config;

import dev.headroom.operator.metrics.HeadroomMetrics;
import dev.headroom.operator.prometheus.PrometheusClient;
import dev.headroom.operator.prometheus.PrometheusEndpoint;
import dev.headroom.operator.status.EventPublisher;
import dev.headroom.operator.workload.ClusterCache;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;

/** Builds the plain-Java collaborators from configuration; the only place they are wired. */
public class OperatorBeans {

  @Produces
  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }

  @Produces
  @Singleton
  PrometheusClient prometheus(HeadroomConfig config, HeadroomMetrics metrics) {
    HeadroomConfig.Prometheus p = config.prometheus();
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
    return new PrometheusClient(endpoint, metrics);
  }

  /**
   * JOSDK's reconcile metrics per controller, not per resource: per resource, the extension's
   * default, means a timer with a histogram for every policy (690,690 histogram series and a
   * 220 MB /q/metrics at 10,000 policies, and a histogram update per reconcile).
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

  @Produces
  @Singleton
  EventPublisher events(KubernetesClient client, Clock clock, HeadroomConfig config) {
    return new EventPublisher(client, clock, config.eventDedupInterval());
  }
}
