package dev.headroom.testbed.postgres;

import dev.headroom.testbed.TestBedException;
import dev.headroom.testbed.components.Binaries;
import dev.headroom.testbed.components.Startup;
import dev.headroom.testbed.process.Signals;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * PgBouncer in transaction pooling in front of the test bed's PostgreSQL ({@link PgBouncerConfig}).
 * A running PgBouncer is reloaded (SIGHUP) with the new pool; its clients stay connected.
 */
public final class PgBouncerServer {

  private final Startup startup;
  private final Binaries bin;
  private final PostgresAccount account;
  private final Map<String, String> env;

  public PgBouncerServer(
      Startup startup, Binaries bin, PostgresAccount account, Map<String, String> env) {
    this.startup = startup;
    this.bin = bin;
    this.account = account;
    this.env = env;
  }

  public void start(int pool) {
    if (!Files.isExecutable(bin.pgbouncer())) {
      throw new TestBedException(
          "PgBouncer is not installed (" + bin.pgbouncer() + "); run scripts/install-deps");
    }
    var daemons = startup.daemons();
    if (!daemons.alive("postgres")) {
      throw new TestBedException("postgres is not running; run 'scripts/testbed postgres' first");
    }
    int postgresPort = daemons.port("postgres").orElseThrow();
    // PgBouncer refuses to run as root: as user postgres, in a dir it can reach.
    Path dir = Path.of(account.dataDir(startup.layout(), env.get("TMPDIR")) + ".pgbouncer");
    Path ini = dir.resolve("pgbouncer.ini");
    boolean running = daemons.alive("pgbouncer");
    int port =
        running
            ? daemons.port("pgbouncer").orElseThrow()
            : startup.ports().pick("pgbouncer", "HEADROOM_TESTBED_PGBOUNCER_PORT");
    try {
      Files.createDirectories(dir);
      account.own(dir);
      Path tmp = dir.resolve("pgbouncer.ini.tmp");
      Files.writeString(tmp, new PgBouncerConfig(postgresPort, port, pool).render());
      Files.move(tmp, ini, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      account.own(ini);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (running) {
      startup.console().info("reloading pgbouncer with a pool of " + pool);
      Signals.send(daemons.pid("pgbouncer").orElseThrow(), "HUP");
    } else {
      PostgresTools tools = new PostgresTools(bin);
      Path rolesLog = startup.layout().logs().resolve("pgbouncer-roles.log");
      String createRole =
          "DO $$ BEGIN CREATE ROLE "
              + PgBouncerConfig.SERVER_ROLE
              + " LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$";
      if (!tools.psql(postgresPort, createRole, rolesLog)) {
        throw new TestBedException(
            "could not create role " + PgBouncerConfig.SERVER_ROLE + "; see " + rolesLog);
      }
      startup
          .console()
          .info(
              "starting pgbouncer on 127.0.0.1:"
                  + port
                  + " (transaction pooling, pool "
                  + pool
                  + ") in front of postgres");
      startup
          .launcher()
          .start(
              "pgbouncer",
              bin.pgbouncer(),
              account.command(List.of(bin.pgbouncer().toString(), ini.toString())));
      startup.launcher().record("pgbouncer", "port", port);
      startup.readiness().until("pgbouncer", port, tools.isReady(port, "app"));
    }
    startup.launcher().record("pgbouncer", "pool", pool);
  }
}
