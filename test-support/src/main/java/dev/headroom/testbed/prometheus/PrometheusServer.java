package dev.headroom.testbed.prometheus;

import dev.headroom.testbed.TestBedException;
import dev.headroom.testbed.components.Layout;
import dev.headroom.testbed.components.Startup;
import dev.headroom.testbed.components.Teardown;
import dev.headroom.testbed.process.JavaProgram;
import dev.headroom.testbed.process.ListeningSockets;
import dev.headroom.testbed.process.PortCheck;
import dev.headroom.testbed.process.ReadinessProbe;
import dev.headroom.testbed.process.SearchPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Prometheus and the load exporter it scrapes. Started once; when Prometheus has died (or was
 * killed) but its exporter runs, it comes back on the same port with the same data (replaying its
 * WAL), as a restarted server would.
 */
public final class PrometheusServer {

  private final Startup startup;
  private final Layout layout;
  private final JavaProgram java;
  private final PortCheck portCheck;

  public PrometheusServer(Startup startup, JavaProgram java, PortCheck portCheck) {
    this.startup = startup;
    this.layout = startup.layout();
    this.java = java;
    this.portCheck = portCheck;
  }

  public PrometheusServer(Startup startup) {
    this(startup, JavaProgram.ofThisJvm(), new ListeningSockets());
  }

  public void start() {
    prometheus();
    SearchPath.find("promtool").orElseThrow(PrometheusServer::notInstalled);
    var daemons = startup.daemons();
    if (daemons.alive("prometheus") && daemons.alive("load-exporter")) {
      return;
    }
    var oldPort = daemons.port("prometheus");
    if (daemons.alive("load-exporter")
        && oldPort.isPresent()
        && nonEmpty(config())
        && Files.isDirectory(dataDir())) {
      daemons.stop("prometheus");
      if (!portCheck.busy(oldPort.get())) {
        startup
            .console()
            .info(
                "restarting prometheus on http://127.0.0.1:" + oldPort.get() + " (data dir kept)");
        startProcess(oldPort.get());
        return;
      }
    }
    daemons.stop("prometheus");
    daemons.stop("load-exporter");
    int port = startup.ports().pick("prometheus", "HEADROOM_TESTBED_PROMETHEUS_PORT");
    int exporterPort = startup.ports().pick("load-exporter", "HEADROOM_TESTBED_LOAD_EXPORTER_PORT");
    createDirectories(layout.loadDir());
    startup
        .console()
        .info(
            "starting the load exporter on 127.0.0.1:"
                + exporterPort
                + " (serves "
                + layout.loadDir()
                + "/*.prom)");
    startup
        .launcher()
        .start(
            "load-exporter",
            java.java(),
            java.command(
                List.of("-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
                "dev.headroom.testbed.load.LoadExporter",
                List.of(layout.loadDir().toString(), Integer.toString(exporterPort))));
    startup.launcher().record("load-exporter", "port", exporterPort);
    startup
        .readiness()
        .until(
            "load-exporter",
            exporterPort,
            ReadinessProbe.http("http://127.0.0.1:" + exporterPort + "/metrics"));
    write(config(), new PrometheusConfig(exporterPort, targets()).render());
    Teardown.delete(dataDir());
    createDirectories(dataDir());
    createDirectories(targets());
    startup.console().info("starting prometheus on http://127.0.0.1:" + port);
    startProcess(port);
  }

  /**
   * Starts the Prometheus process alone on {@code port}, with the config and data dir as they are.
   */
  public void startProcess(int port) {
    Path prometheus = prometheus();
    PrometheusFlags flags = new PrometheusFlags(config(), dataDir(), port);
    startup.launcher().start("prometheus", prometheus, flags.command(prometheus));
    startup.launcher().record("prometheus", "port", port);
    startup.readiness().until("prometheus", port, ReadinessProbe.http(flags.url() + "/-/ready"));
  }

  public Path dataDir() {
    return layout.data().resolve("prometheus");
  }

  private Path config() {
    return layout.prometheus().resolve("prometheus.yml");
  }

  private Path targets() {
    return layout.prometheus().resolve("targets");
  }

  private static Path prometheus() {
    return SearchPath.find("prometheus").orElseThrow(PrometheusServer::notInstalled);
  }

  private static TestBedException notInstalled() {
    return new TestBedException("prometheus is not installed; run scripts/install-deps");
  }

  private static boolean nonEmpty(Path file) {
    try {
      return Files.isRegularFile(file) && Files.size(file) > 0;
    } catch (IOException e) {
      return false;
    }
  }

  private static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
