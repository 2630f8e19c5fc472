package dev.headroom.operator.it;

import dev.headroom.testbed.Postgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Counts, every {@code periodMillis}, the connections PostgreSQL really has open for the pods of
 * one namespace ({@code pg_stat_activity} rows whose {@code application_name} the connection
 * emulator set to {@code headroom-pod <namespace>/<pod>}), on one connection of its own as the
 * superuser (which {@code reserved} covers); or those of one role ({@link #ofRole}). Records the
 * largest count and every sample above a limit.
 */
public final class DatabaseSampler implements AutoCloseable {

  private final Connection connection;
  private final PreparedStatement query;
  private final long periodMillis;
  private final long limit;
  private final AtomicLong samples = new AtomicLong();
  private final AtomicLong max = new AtomicLong();
  private final AtomicLong above = new AtomicLong();
  private final AtomicLong maxGapMillis = new AtomicLong();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final Thread thread;
  private volatile boolean running = true;

  public DatabaseSampler(Postgres postgres, String namespace, long limit, long periodMillis)
      throws SQLException {
    this(
        postgres,
        "application_name like ?",
        "headroom-pod " + namespace + "/%",
        limit,
        periodMillis);
  }

  /** Counts the connections of one role instead, e.g. PgBouncer's server connections. */
  public static DatabaseSampler ofRole(
      Postgres postgres, String role, long limit, long periodMillis) throws SQLException {
    return new DatabaseSampler(postgres, "usename = ?", role, limit, periodMillis);
  }

  private DatabaseSampler(
      Postgres postgres, String condition, String value, long limit, long periodMillis)
      throws SQLException {
    this.connection = postgres.connect();
    this.query =
        connection.prepareStatement("select count(*) from pg_stat_activity where " + condition);
    query.setString(1, value);
    this.periodMillis = periodMillis;
    this.limit = limit;
    this.thread = new Thread(this::loop, "database-sampler");
    thread.setDaemon(true);
    thread.start();
  }

  /** The connections the namespace's pods hold now, as PostgreSQL counts them. */
  public long now() throws SQLException {
    synchronized (query) {
      try (ResultSet rs = query.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private void loop() {
    long last = System.nanoTime();
    while (running) {
      try {
        long count = now();
        long t = System.nanoTime();
        maxGapMillis.accumulateAndGet((t - last) / 1_000_000, Math::max);
        last = t;
        samples.incrementAndGet();
        max.accumulateAndGet(count, Math::max);
        if (count > limit) {
          above.incrementAndGet();
        }
        Thread.sleep(periodMillis);
      } catch (InterruptedException e) {
        return;
      } catch (SQLException | RuntimeException e) {
        failure.compareAndSet(null, e);
        return;
      }
    }
  }

  public long samples() {
    return samples.get();
  }

  public long max() {
    return max.get();
  }

  /** Samples that counted more than the limit. */
  public long aboveLimit() {
    return above.get();
  }

  public long maxGapMillis() {
    return maxGapMillis.get();
  }

  public Throwable failure() {
    return failure.get();
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(2000);
      connection.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (SQLException e) {
      failure.compareAndSet(null, e);
    }
  }
}
