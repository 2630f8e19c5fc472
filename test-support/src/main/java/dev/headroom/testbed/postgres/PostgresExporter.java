package dev.headroom.testbed.postgres;

import dev.headroom.testbed.components.Binaries;
import dev.headroom.testbed.components.Startup;
import dev.headroom.testbed.process.Command;
import dev.headroom.testbed.process.CommandResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * postgres_exporter for the test bed's PostgreSQL (connecting as {@code postgres}), announced to
 * Prometheus through the file_sd target file {@code prometheus/targets/postgres.json}, so that
 * Prometheus need not run yet.
 */
public final class PostgresExporter {

  private final Startup startup;
  private final Binaries bin;

  public PostgresExporter(Startup startup, Binaries bin) {
    this.startup = startup;
    this.bin = bin;
  }

  public void start(int postgresPort) {
    startup.daemons().stop("postgres-exporter");
    int port = startup.ports().pick("postgres-exporter", "HEADROOM_TESTBED_POSTGRES_EXPORTER_PORT");
    startup
        .console()
        .info("starting postgres_exporter " + bin.pgExporterVersion() + " on 127.0.0.1:" + port);
    startup
        .launcher()
        .start(
            "postgres-exporter",
            bin.pgExporter(),
            List.of(
                bin.pgExporter().toString(),
                "--web.listen-address=127.0.0.1:" + port,
                "--no-collector.wal",
                "--log.level=warn"),
            Map.of(
                "DATA_SOURCE_NAME",
                "postgresql://postgres@127.0.0.1:" + postgresPort + "/postgres?sslmode=disable"));
    startup.launcher().record("postgres-exporter", "port", port);
    startup.readiness().until("postgres-exporter", port, () -> seesPostgres(port));
    Path targets = startup.layout().prometheus().resolve("targets");
    try {
      Files.createDirectories(targets);
      Path tmp = targets.resolve("postgres.json.tmp");
      Files.writeString(tmp, targetFile(port));
      Files.move(tmp, targets.resolve("postgres.json"), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The file_sd target list naming the exporter, labelled {@code instance=testbed-postgres}. */
  static String targetFile(int port) {
    return "[{\"targets\": [\"127.0.0.1:%d\"], \"labels\": {\"instance\": \"testbed-postgres\"}}]\n"
        .formatted(port);
  }

  /** The exporter answers and reaches PostgreSQL ({@code pg_up 1}). */
  private static boolean seesPostgres(int port) {
    CommandResult metrics =
        Command.run(
            List.of("curl", "-sf", "--max-time", "2", "http://127.0.0.1:" + port + "/metrics"));
    return metrics.ok() && metrics.output().lines().anyMatch(l -> l.startsWith("pg_up 1"));
  }
}
