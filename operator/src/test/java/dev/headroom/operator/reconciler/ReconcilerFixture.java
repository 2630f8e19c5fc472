package dev.headroom.operator.reconciler;

import dev.headroom.operator.api.v1alpha1.ConnectionBudget;
import dev.headroom.operator.api.v1alpha1.ScalingPolicy;
import dev.headroom.operator.config.HeadroomConfig;
import dev.headroom.operator.forecast.HistoryCache;
import dev.headroom.operator.forecast.PolicyForecaster;
import dev.headroom.operator.forecast.PrometheusHistorySource;
import dev.headroom.operator.metrics.HeadroomMetrics;
import dev.headroom.operator.metrics.ObjectGauges;
import dev.headroom.operator.prometheus.PrometheusClient;
import dev.headroom.operator.prometheus.PrometheusEndpoint;
import dev.headroom.operator.review.DecisionRecorder;
import dev.headroom.operator.signal.SignalHub;
import dev.headroom.operator.status.EventPublisher;
import dev.headroom.operator.workload.ClusterCache;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Both reconcilers wired as {@link ReconcilerBeans} wires them, around a Fabric8 mock API server
 * (CRUD mode, the CRDs of this build registered) and a Prometheus stand-in.
 */
final class ReconcilerFixture implements AutoCloseable {

  static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

  final KubernetesClient client;
  final HeadroomConfig config;
  final dev.headroom.operator.MovableClock clock = new dev.headroom.operator.MovableClock(NOW);
  final HeadroomMetrics metrics =
      new HeadroomMetrics(new SimpleMeterRegistry(), new ObjectGauges());
  final ClusterCache cache;
  final ScalingPolicyReconciler policies;
  final ConnectionBudgetReconciler budgets;

  ReconcilerFixture(KubernetesClient client, URI prometheusUrl) throws IOException {
    this.client = client;
    registerCrds(client);
    this.config =
        new SmallRyeConfigBuilder()
            .withMapping(HeadroomConfig.class)
            .withConverter(Duration.class, 200, new DurationConverter())
            .withDefaultValue("headroom.prometheus.url", prometheusUrl.toString())
            .build()
            .getConfigMapping(HeadroomConfig.class);
    PrometheusClient prometheus = new PrometheusClient(PrometheusEndpoint.of(prometheusUrl));
    SignalHub hub = new SignalHub(prometheus, clock, Duration.ofSeconds(2), 1000, () -> {});
    PolicyForecaster forecaster =
        new PolicyForecaster(
            new HistoryCache(
                new PrometheusHistorySource(prometheus),
                Runnable::run,
                Duration.ofMinutes(10),
                Duration.ofMinutes(1)),
            11_000,
            Duration.ofSeconds(15));
    this.cache = new ClusterCache(client, clock);
    EventPublisher events = new EventPublisher(client, clock, Duration.ofMinutes(5), Runnable::run);
    ReconcilerBeans beans = new ReconcilerBeans();
    var specs = beans.policySpecs();
    var reader = beans.workloadReader(client, cache);
    var capper = beans.hpaCapper(client);
    var round =
        beans.policyRound(
            beans.policyObserver(client, specs, reader, prometheus, hub, forecaster, cache, config),
            beans.policyDecider(),
            capper,
            reader,
            client,
            config);
    this.policies =
        new ScalingPolicyReconciler(
            round,
            beans.policyMemory(client, beans.recommendations(config), specs, forecaster, hub),
            beans.roundWakeups(hub, metrics, config),
            capper,
            cache,
            config,
            clock,
            events,
            metrics,
            DecisionRecorder.none());
    this.budgets =
        new ConnectionBudgetReconciler(
            client,
            beans.budgetRound(client, prometheus, events, metrics),
            config,
            clock,
            events,
            metrics);
  }

  private static void registerCrds(KubernetesClient client) throws IOException {
    Path dir = Path.of(System.getProperty("headroom.generatedCrds", "target/crds"));
    for (String file :
        List.of("scalingpolicies.headroom.dev-v1.yml", "connectionbudgets.headroom.dev-v1.yml")) {
      try (InputStream in = Files.newInputStream(dir.resolve(file))) {
        client
            .resource(
                client.getKubernetesSerialization().unmarshal(in, CustomResourceDefinition.class))
            .create();
      }
    }
  }

  /** Creates {@code yaml} and, when it has one, writes its status as a controller would. */
  <T extends HasMetadata> T create(Class<T> type, String yaml) {
    T wanted = client.getKubernetesSerialization().unmarshal(yaml, type);
    T created = client.resource(wanted).create();
    Object status = statusOf(wanted);
    if (status == null) {
      return created;
    }
    T withStatus = client.getKubernetesSerialization().unmarshal(yaml, type);
    withStatus.getMetadata().setResourceVersion(created.getMetadata().getResourceVersion());
    return client.resource(withStatus).updateStatus();
  }

  private Object statusOf(HasMetadata resource) {
    var tree = client.getKubernetesSerialization().convertValue(resource, java.util.Map.class);
    return tree.get("status");
  }

  ScalingPolicy policy(String namespace, String name) {
    return client.resources(ScalingPolicy.class).inNamespace(namespace).withName(name).get();
  }

  ConnectionBudget budget(String namespace, String name) {
    return client.resources(ConnectionBudget.class).inNamespace(namespace).withName(name).get();
  }

  /** One policy round on the policy as stored, seeing {@code budget} as its budget. */
  Duration reconcile(String namespace, String name, Optional<ConnectionBudget> budget) {
    ScalingPolicy policy = policy(namespace, name);
    return policies.reconcile(policy, PolicyCaches.of(budget, List.of(policy)), stored -> {});
  }

  @Override
  public void close() {
    cache.close();
  }
}
