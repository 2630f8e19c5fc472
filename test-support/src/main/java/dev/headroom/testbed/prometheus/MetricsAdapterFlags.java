package dev.headroom.testbed.prometheus;

import dev.headroom.testbed.pki.Pki;
import java.nio.file.Path;
import java.util.List;

/**
 * prometheus-adapter's command line: HTTPS on 127.0.0.1 with the test bed's certificate, the admin
 * kubeconfig for the lookups it delegates to the API server (who a request's user is, whether it
 * may read external metrics), the front-proxy settings the API server publishes, the series list
 * asked of Prometheus again every {@link #RELIST_INTERVAL}, and its rules in {@code config}.
 */
public record MetricsAdapterFlags(
    Pki pki, Path kubeconfig, Path config, String prometheusUrl, int port) {

  /** How soon a metric Prometheus starts to scrape becomes an external metric. */
  public static final String RELIST_INTERVAL = "5s";

  public List<String> command(Path adapter) {
    return List.of(
        adapter.toString(),
        "--secure-port=" + port,
        "--bind-address=127.0.0.1",
        "--tls-cert-file=" + pki.cert("metrics-adapter"),
        "--tls-private-key-file=" + pki.key("metrics-adapter"),
        "--lister-kubeconfig=" + kubeconfig,
        "--authentication-kubeconfig=" + kubeconfig,
        "--authorization-kubeconfig=" + kubeconfig,
        "--prometheus-url=" + prometheusUrl,
        "--metrics-relist-interval=" + RELIST_INTERVAL,
        "--config=" + config,
        "--v=1");
  }

  public String healthUrl() {
    return "https://127.0.0.1:" + port + "/healthz";
  }
}
