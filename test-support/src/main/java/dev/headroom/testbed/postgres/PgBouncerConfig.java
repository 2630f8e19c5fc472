package dev.headroom.testbed.postgres;

/**
 * {@code pgbouncer.ini}: transaction pooling on 127.0.0.1:{@code port} in front of PostgreSQL on
 * {@code postgresPort}. Clients log in to database {@code app} under any name; PgBouncer serves
 * them on server connections as role {@code pgbouncer_server}, at most {@code pool} at once ({@code
 * default_pool_size = max_db_connections = pool}).
 */
public record PgBouncerConfig(int postgresPort, int port, int pool) {

  public static final String SERVER_ROLE = "pgbouncer_server";

  public String render() {
    return """
        [databases]
        app = host=127.0.0.1 port=%d dbname=postgres user=%s
        [pgbouncer]
        listen_addr = 127.0.0.1
        listen_port = %d
        unix_socket_dir =
        auth_type = any
        pool_mode = transaction
        default_pool_size = %d
        max_db_connections = %d
        min_pool_size = 0
        reserve_pool_size = 0
        max_client_conn = 10000
        ignore_startup_parameters = extra_float_digits
        admin_users = pgbouncer_admin
        """
        .formatted(postgresPort, SERVER_ROLE, port, pool, pool);
  }
}
