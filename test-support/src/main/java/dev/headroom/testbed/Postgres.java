package dev.headroom.testbed;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * The test bed's PostgreSQL: loopback only, trust authentication, started with {@code
 * maxConnections} as {@code max_connections}.
 */
public record Postgres(String host, int port, String user, String database, int maxConnections) {

  public String jdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  /** A JDBC connection as {@link #user()}; needs a PostgreSQL JDBC driver on the class path. */
  public Connection connect() throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    return DriverManager.getConnection(jdbcUrl(), properties);
  }
}
