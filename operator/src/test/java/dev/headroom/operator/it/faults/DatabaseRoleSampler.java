package dev.headroom.operator.it.faults;

import dev.headroom.testbed.Postgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts, every {@code periodMillis}, the connections PostgreSQL has open for each role of the
 * fault run ({@code pg_stat_activity} rows grouped by {@code usename}, roles named {@code fr_...},
 * one per budget), on one connection of its own as the superuser, and hands each running scenario
 * the counts. The connection emulator opens the pods' pools as the role their {@code DB_USER}
 * names, so a budget's count is its consumers' connections and nothing else.
 */
final class DatabaseRoleSampler implements AutoCloseable {

  static final String ROLE_PREFIX = "fr_";

  private final Connection connection;
  private final PreparedStatement query;
  private final AtomicLong maxTotal = new AtomicLong();
  private final SamplingLoop loop;

  DatabaseRoleSampler(Postgres postgres, long periodMillis) throws SQLException {
    this.connection = postgres.connect();
    this.query =
        connection.prepareStatement(
            "select usename, count(*) from pg_stat_activity where usename like ? group by usename");
    query.setString(1, ROLE_PREFIX.replace("_", "\\_") + "%");
    this.loop = new SamplingLoop("database-role-sampler", periodMillis, true, this::sample);
    loop.start();
  }

  /** Creates a login role for a budget's pods; one that exists already is kept. */
  void createRole(String role) throws SQLException {
    if (!role.matches("[a-z0-9_]+")) {
      throw new IllegalArgumentException("not a plain role name: " + role);
    }
    synchronized (query) {
      try (var statement = connection.createStatement()) {
        statement.execute(
            "do $$ begin create role "
                + role
                + " login; exception when duplicate_object then null; end $$");
      }
    }
  }

  void register(ScenarioRun run) {
    loop.register(run);
  }

  void unregister(ScenarioRun run) {
    loop.unregister(run);
  }

  private Map<String, Long> counts() throws SQLException {
    Map<String, Long> out = new HashMap<>();
    synchronized (query) {
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), rs.getLong(2));
        }
      }
    }
    return out;
  }

  private void sample(Set<ScenarioRun> runs) throws SQLException {
    Map<String, Long> counts = counts();
    long now = System.currentTimeMillis();
    maxTotal.accumulateAndGet(counts.values().stream().mapToLong(Long::longValue).sum(), Math::max);
    for (ScenarioRun run : runs) {
      run.sampleDatabase(now, counts);
    }
  }

  /** Longest time between two sampling rounds while a scenario was registered. */
  long maxGapMillis() {
    return loop.maxGapMillis();
  }

  /** The most connections the run's roles held at once, all scenarios together. */
  long maxTotal() {
    return maxTotal.get();
  }

  Throwable failure() {
    return loop.failure();
  }

  @Override
  public void close() {
    try {
      loop.stop(2000);
      connection.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (SQLException e) {
      loop.recordFailure(e);
    }
  }
}
