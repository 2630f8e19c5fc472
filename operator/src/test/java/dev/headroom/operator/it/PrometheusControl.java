package dev.headroom.operator.it;

import dev.headroom.testbed.TestBed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Takes the test bed's Prometheus away ({@code kill -9}) and brings it back on the same port. */
final class PrometheusControl {

  private final TestBed bed;
  private final Path run;

  PrometheusControl(TestBed bed) {
    this.bed = bed;
    this.run = Path.of(bed.env().get("HEADROOM_TESTBED_DIR")).resolve("run");
  }

  void kill() {
    try {
      long pid = Long.parseLong(Files.readString(run.resolve("prometheus.pid")).trim());
      ProcessHandle.of(pid).ifPresent(p -> {
        p.destroyForcibly();
        p.onExit().orTimeout(10, TimeUnit.SECONDS).join();
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void restart() {
    try {
      String promPort = Files.readString(run.resolve("prometheus.port")).trim();
      String exporterPort = Files.readString(run.resolve("load-exporter.port")).trim();
      ProcessBuilder pb = new ProcessBuilder(bed.repoRoot().resolve("scripts/testbed").toString(), "prometheus")
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
      pb.environment().putAll(bed.env());
      pb.environment().put("HEADROOM_TESTBED_PROMETHEUS_PORT", promPort);
      pb.environment().put("HEADROOM_TESTBED_LOAD_EXPORTER_PORT", exporterPort);
      int rc = pb.start().waitFor();
      if (rc != 0) {
        throw new IllegalStateException("scripts/testbed prometheus failed with " + rc);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
