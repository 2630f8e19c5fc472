package dev.headroom.testbed.postgres;

import dev.headroom.testbed.TestBedException;
import dev.headroom.testbed.components.Binaries;
import dev.headroom.testbed.components.Layout;
import dev.headroom.testbed.components.Startup;
import dev.headroom.testbed.components.Teardown;
import dev.headroom.testbed.process.Command;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;

/**
 * PostgreSQL with a chosen {@code max_connections}, in a fresh data dir, with role {@code app} (the
 * connection emulator's pods log in as it), and its postgres_exporter. Asked again with the same
 * {@code max_connections} it does nothing; with another it starts over, empty.
 */
public final class PostgresServer {

  private final Startup startup;
  private final Binaries bin;
  private final PostgresAccount account;
  private final Map<String, String> env;
  private final PostgresTools tools;

  public PostgresServer(
      Startup startup, Binaries bin, PostgresAccount account, Map<String, String> env) {
    this.startup = startup;
    this.bin = bin;
    this.account = account;
    this.env = env;
    this.tools = new PostgresTools(bin);
  }

  public void start(int maxConnections) {
    if (!Files.isExecutable(bin.pg("postgres")) || !Files.isExecutable(bin.pg("initdb"))) {
      throw new TestBedException(
          "PostgreSQL "
              + bin.pgMajor()
              + " is not installed ("
              + bin.pgBin()
              + "); run scripts/install-deps");
    }
    var daemons = startup.daemons();
    if (daemons.alive("postgres")) {
      if (daemons
          .read("postgres", "maxconn")
          .equals(Optional.of(Integer.toString(maxConnections)))) {
        return;
      }
      startup.console().info("restarting postgres with max_connections=" + maxConnections);
    }
    Layout layout = startup.layout();
    new Teardown(layout, daemons).stopPostgresAndData();
    int port = startup.ports().pick("postgres", "HEADROOM_TESTBED_POSTGRES_PORT");
    Path dataDir = account.dataDir(layout, env.get("TMPDIR"));
    Teardown.delete(dataDir);
    try {
      Files.createDirectories(dataDir);
      Files.createDirectories(layout.logs());
      Files.createDirectories(layout.run());
      account.own(dataDir);
      Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    startup.launcher().record("postgres", "datadir.keep", dataDir);
    PostgresFlags flags = new PostgresFlags(dataDir, port, maxConnections);
    Path initdbLog = layout.logs().resolve("postgres-initdb.log");
    if (!Command.run(account.command(flags.initdb(bin.pg("initdb"))), Map.of(), initdbLog).ok()) {
      throw new TestBedException("initdb failed; see " + initdbLog);
    }
    startup
        .console()
        .info(
            "starting postgres "
                + bin.pgMajor()
                + " on 127.0.0.1:"
                + port
                + " with max_connections="
                + maxConnections);
    startup
        .launcher()
        .start("postgres", bin.pg("postgres"), account.command(flags.command(bin.pg("postgres"))));
    startup.launcher().record("postgres", "port", port);
    startup.launcher().record("postgres", "maxconn", maxConnections);
    startup.readiness().until("postgres", port, tools.isReady(port));
    Path rolesLog = layout.logs().resolve("postgres-roles.log");
    if (!tools.psql(port, "CREATE ROLE app LOGIN", rolesLog)) {
      throw new TestBedException("could not create role app; see " + rolesLog);
    }
    new PostgresExporter(startup, bin).start(port);
  }
}
