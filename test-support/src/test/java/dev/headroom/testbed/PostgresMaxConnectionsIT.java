package dev.headroom.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** PostgreSQL runs with the max_connections the test asked for. */
@WithTestBed(postgres = true, postgresMaxConnections = 137)
class PostgresMaxConnectionsIT {

  @Test
  void reportsTheMaxConnectionsItWasStartedWith(Postgres postgres) throws SQLException {
    assertThat(postgres.maxConnections()).isEqualTo(137);
    assertThat(postgres.jdbcUrl()).startsWith("jdbc:postgresql://127.0.0.1:");
    try (Connection connection = postgres.connect();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SHOW max_connections")) {
      assertThat(result.next()).isTrue();
      assertThat(result.getString(1)).isEqualTo("137");
    }
  }
}
