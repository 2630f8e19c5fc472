package dev.headroom.testbed;

/**
 * The test bed's PgBouncer: transaction pooling in front of its PostgreSQL. Clients log in to
 * database {@code app} under any role name; PgBouncer serves them on at most {@code pool} server
 * connections, as role {@code serverRole} ({@code default_pool_size = max_db_connections = pool}).
 */
public record PgBouncer(String host, int port, int pool, String serverRole) {

  public String jdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/app";
  }
}
