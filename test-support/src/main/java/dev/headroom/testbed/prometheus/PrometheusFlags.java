package dev.headroom.testbed.prometheus;

import java.nio.file.Path;
import java.util.List;

/**
 * Prometheus's command line: its own config and data dir, 400 days of retention (backfilled traces
 * reach far back), the admin API (to delete a trace's old series) and the lifecycle API.
 */
public record PrometheusFlags(Path config, Path dataDir, int port) {

  public List<String> command(Path prometheus) {
    return List.of(
        prometheus.toString(),
        "--config.file=" + config,
        "--storage.tsdb.path=" + dataDir,
        "--storage.tsdb.retention.time=400d",
        "--web.listen-address=127.0.0.1:" + port,
        "--web.enable-admin-api",
        "--web.enable-lifecycle",
        "--log.level=warn");
  }

  public String url() {
    return "http://127.0.0.1:" + port;
  }
}
