package dev.headroom.testbed.prometheus;

import dev.headroom.testbed.TestBedException;
import dev.headroom.testbed.components.Binaries;
import dev.headroom.testbed.components.Startup;
import dev.headroom.testbed.pki.Pki;
import dev.headroom.testbed.process.ReadinessProbe;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
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
    Path config = startup.layout().prometheus().resolve("metrics-adapter.yaml");
    write(config, MetricsAdapterRules.TEXT);
    Pki pki = new Pki(startup.layout().pki());
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
    try (KubernetesClient client = adminClient()) {
      new ExternalMetricsApi(port, Files.readString(pki.cert("ca"))).register(client);
      startup.readiness().until(NAME, port, () -> answers(client));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean answers(KubernetesClient client) {
    try {
      return ExternalMetricsApi.available(client);
    } catch (KubernetesClientException e) {
      return false;
    }
  }

  private KubernetesClient adminClient() throws IOException {
    Config config = Config.fromKubeconfig(Files.readString(startup.layout().kubeconfig()));
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
