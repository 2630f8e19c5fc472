package dev.headroom.testbed.postgres;

import java.nio.file.Path;
import java.util.List;

/**
 * PostgreSQL's command line: loopback only, no unix socket, the chosen {@code max_connections}, and
 * no durability (the data is thrown away with the test bed).
 */
public record PostgresFlags(Path dataDir, int port, int maxConnections) {

  public List<String> command(Path postgres) {
    return List.of(
        postgres.toString(),
        "-D",
        dataDir.toString(),
        "-c",
        "listen_addresses=127.0.0.1",
        "-c",
        "port=" + port,
        "-c",
        "max_connections=" + maxConnections,
        "-c",
        "unix_socket_directories=",
        "-c",
        "fsync=off",
        "-c",
        "synchronous_commit=off",
        "-c",
        "full_page_writes=off");
  }

  /** initdb's command line: superuser postgres, trust, UTF8, C locale. */
  public List<String> initdb(Path initdb) {
    return List.of(
        initdb.toString(),
        "-D",
        dataDir.toString(),
        "-U",
        "postgres",
        "-A",
        "trust",
        "-E",
        "UTF8",
        "--locale=C",
        "--no-sync");
  }
}
