package dev.headroom.operator.config;

import dev.headroom.operator.metrics.HeadroomMetrics;
import dev.headroom.operator.prometheus.PrometheusClient;
import dev.headroom.operator.prometheus.PrometheusEndpoint;
import dev.headroom.operator.status.EventPublisher;
import io.fabric8.kubernetes.client.KubernetesClient;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Builds the plain-Java collaborators from configuration; the only place they are wired. */
public class OperatorBeans {

  @Produces
  @Singleton
  Clock clock(HeadroomConfig config) {
    return startingAt(config.clock().start(), Clock.systemUTC());
  }

  /** {@code system}, or a clock that reads {@code start} now and ticks with {@code system}. */
  static Clock startingAt(Optional<Instant> start, Clock system) {
    return start.map(s -> Clock.offset(system, Duration.between(system.instant(), s))).orElse(system);
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

  @Produces
  @Singleton
  EventPublisher events(KubernetesClient client, Clock clock, HeadroomConfig config) {
    return new EventPublisher(client, clock, config.eventDedupInterval());
  }
}
