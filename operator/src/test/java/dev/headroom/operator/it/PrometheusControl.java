package dev.headroom.operator.it;

import dev.headroom.testbed.TestBed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Takes the test bed's Prometheus away ({@code kill -9}) and brings it back on the same port, or
 * freezes it ({@code SIGSTOP}: connections are accepted, nothing answers) and thaws it.
 */
public final class PrometheusControl {

  private final TestBed bed;
  private final Path run;

  public PrometheusControl(TestBed bed) {
    this.bed = bed;
    this.run = Path.of(bed.env().get("HEADROOM_TESTBED_DIR")).resolve("run");
  }

  public void kill() {
    try {
      long pid = Long.parseLong(Files.readString(run.resolve("prometheus.pid")).trim());
      ProcessHandle.of(pid)
          .ifPresent(
              p -> {
                p.destroyForcibly();
                p.onExit().orTimeout(10, TimeUnit.SECONDS).join();
              });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void restart() {
    try {
      String promPort = Files.readString(run.resolve("prometheus.port")).trim();
      String exporterPort = Files.readString(run.resolve("load-exporter.port")).trim();
      ProcessBuilder pb =
          new ProcessBuilder(bed.repoRoot().resolve("scripts/testbed").toString(), "prometheus")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD);
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

  /** SIGSTOP: Prometheus keeps its port and answers nothing until {@link #thaw()}. */
  public void freeze() {
    signal("STOP");
  }

  public void thaw() {
    signal("CONT");
  }

  private void signal(String name) {
    try {
      long pid = Long.parseLong(Files.readString(run.resolve("prometheus.pid")).trim());
      int rc =
          new ProcessBuilder("kill", "-" + name, Long.toString(pid))
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start()
              .waitFor();
      if (rc != 0) {
        throw new IllegalStateException("kill -" + name + " " + pid + " failed with " + rc);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
