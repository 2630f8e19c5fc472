package dev.headroom.testbed.prometheus;

import dev.headroom.testbed.TestBedException;
import dev.headroom.testbed.components.Binaries;
import dev.headroom.testbed.components.Startup;
import dev.headroom.testbed.controlplane.AdminClient;
import dev.headroom.testbed.pki.Pki;
import dev.headroom.testbed.process.ReadinessProbe;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * prometheus-adapter, serving the test bed's {@code headroom_*} series as external metrics ({@link
 * MetricsAdapterRules}), so that a real HorizontalPodAutoscaler (kube-controller-manager's HPA
 * controller) scales on the same load a ScalingPolicy reads. Started with Prometheus; kept when it
 * already runs.
 */
public final class MetricsAdapter {

  static final String NAME = "metrics-adapter";

  private final Startup startup;
  private final Binaries bin;

  public MetricsAdapter(Startup startup, Binaries bin) {
    this.startup = startup;
    this.bin = bin;
  }

  public void start() {
    var daemons = startup.daemons();
    if (daemons.alive(NAME)) {
      return;
    }
    int prometheusPort =
        daemons
            .port("prometheus")
            .orElseThrow(() -> new TestBedException("the metrics adapter needs Prometheus up"));
    int port = startup.ports().pick(NAME, "HEADROOM_TESTBED_METRICS_ADAPTER_PORT");
    // Next to prometheus.yml, in the directory Prometheus's start made.
    Path config = startup.layout().prometheus().resolve("metrics-adapter.yaml");
    Pki pki = new Pki(startup.layout().pki());
    String caPem;
    try {
      Files.writeString(config, MetricsAdapterRules.TEXT);
      caPem = Files.readString(pki.cert("ca"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    MetricsAdapterFlags flags =
        new MetricsAdapterFlags(
            pki, startup.layout().kubeconfig(), config, "http://127.0.0.1:" + prometheusPort, port);
    startup
        .console()
        .info(
            "starting prometheus-adapter "
                + bin.metricsAdapterVersion()
                + " on 127.0.0.1:"
                + port
                + " (external.metrics.k8s.io for HPAs)");
    startup.launcher().start(NAME, bin.metricsAdapter(), flags.command(bin.metricsAdapter()));
    startup.launcher().record(NAME, "port", port);
    startup.readiness().until(NAME, port, ReadinessProbe.http(flags.healthUrl(), "-k"));
    try (KubernetesClient client = AdminClient.open(startup.layout())) {
      new ExternalMetricsApi(port, caPem).register(client);
      startup
          .readiness()
          .until(NAME, port, () -> AdminClient.answers(() -> ExternalMetricsApi.available(client)));
    }
  }
}
