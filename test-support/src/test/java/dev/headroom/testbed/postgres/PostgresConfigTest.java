package dev.headroom.testbed.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command lines and files of PostgreSQL, postgres_exporter and PgBouncer. */
class PostgresConfigTest {

  @Test
  void postgresListensOnLoopbackOnlyWithTheChosenMaxConnections() {
    PostgresFlags flags = new PostgresFlags(Path.of("/s/data/postgres"), 5433, 250);
    assertThat(flags.command(Path.of("/pg/postgres")))
        .startsWith("/pg/postgres", "-D", "/s/data/postgres")
        .containsSequence("-c", "listen_addresses=127.0.0.1")
        .containsSequence("-c", "port=5433")
        .containsSequence("-c", "max_connections=250")
        .containsSequence("-c", "unix_socket_directories=")
        .containsSequence("-c", "fsync=off");
    assertThat(flags.initdb(Path.of("/pg/initdb")))
        .containsExactly(
            "/pg/initdb",
            "-D",
            "/s/data/postgres",
            "-U",
            "postgres",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--locale=C",
            "--no-sync");
  }

  @Test
  void pgbouncerServesAppOnAPoolOfServerConnections() {
    String ini = new PgBouncerConfig(5433, 6432, 7).render();
    assertThat(ini.lines())
        .containsSubsequence(
            "[databases]",
            "app = host=127.0.0.1 port=5433 dbname=postgres user=pgbouncer_server",
            "[pgbouncer]",
            "listen_addr = 127.0.0.1",
            "listen_port = 6432",
            "auth_type = any",
            "pool_mode = transaction",
            "default_pool_size = 7",
            "max_db_connections = 7",
            "max_client_conn = 10000");
  }

  @Test
  void theExporterIsAnnouncedAsInstanceTestbedPostgres() {
    assertThat(PostgresExporter.targetFile(24247))
        .isEqualTo(
            "[{\"targets\": [\"127.0.0.1:24247\"], \"labels\": {\"instance\": \"testbed-postgres\"}}]\n");
  }

  @Test
  void asRootTheProgramsRunAsUserPostgres() {
    assertThat(new PostgresAccount(true).command(List.of("/pg/postgres", "-D", "d")))
        .containsExactly(
            "setpriv",
            "--reuid=postgres",
            "--regid=postgres",
            "--init-groups",
            "--",
            "/pg/postgres",
            "-D",
            "d");
    assertThat(new PostgresAccount(false).command(List.of("/pg/postgres")))
        .containsExactly("/pg/postgres");
  }

  @Test
  void theFallbackDataDirIsNamedAfterTheStateDirAsSha256sumWouldHashIt() {
    // printf '%s' /tmp/testbed-s22 | sha256sum | cut -c1-12
    assertThat(PostgresAccount.stateHash(Path.of("/tmp/testbed-s22"))).isEqualTo("c28056a020e1");
  }
}
