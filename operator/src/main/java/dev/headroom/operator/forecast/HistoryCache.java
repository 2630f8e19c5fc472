package dev.headroom.operator.forecast;

import dev.headroom.operator.prometheus.PrometheusException;
import dev.headroom.operator.prometheus.TimedValue;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The load history of each policy, queried in the background and kept between reconciles.
 *
 * <p>A reconcile asks {@link #current} and gets at once whatever is known: the last good answer, or
 * that one is pending or failed. When the answer is older than the refresh period (or the latest
 * attempt failed longer ago than the retry period) a new query is handed to the executor; at most
 * one query per policy is under way. So a slow or failing Prometheus delays only the history it
 * serves, and never a reconcile. The entry of a policy is replaced when its {@link HistoryKey}
 * changes (new query, lookback or uid) and dropped with {@link #retain}.
 *
 * <p>Times are the operator clock's, passed in by the caller. Thread-safe.
 */
public final class HistoryCache {

  private static final System.Logger LOG = System.getLogger(HistoryCache.class.getName());

  private final HistorySource source;
  private final Executor executor;
  private final Duration refreshPeriod;
  private final Duration retryPeriod;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  /**
   * @param executor runs the queries; a bounded one may reject, the query is then tried again at
   *     the next call
   */
  public HistoryCache(
      HistorySource source, Executor executor, Duration refreshPeriod, Duration retryPeriod) {
    this.source = source;
    this.executor = executor;
    this.refreshPeriod = positive(refreshPeriod, "refreshPeriod");
    this.retryPeriod = positive(retryPeriod, "retryPeriod");
  }

  /** What is known of {@code key}'s history at {@code now}; starts a query when one is due. */
  public History current(HistoryKey key, Instant now) {
    Entry entry =
        entries.compute(
            key.policyUid(),
            (uid, old) -> old != null && old.key.equals(key) ? old : new Entry(key));
    if (entry.claimQuery(now, refreshPeriod, retryPeriod)) {
      Instant end = alignDown(now, key.step());
      try {
        executor.execute(() -> run(entry, end, now));
      } catch (RejectedExecutionException e) {
        entry.unclaim();
      }
    }
    return entry.view();
  }

  /** Drops the history of every policy not in {@code uids} (deleted policies). */
  public void retain(Set<String> uids) {
    entries.keySet().retainAll(uids);
  }

  /** Policies with a history entry. */
  public Set<String> policies() {
    return Set.copyOf(entries.keySet());
  }

  private void run(Entry entry, Instant end, Instant askedAt) {
    try {
      List<TimedValue> samples = source.fetch(entry.key, end);
      entry.fetched(samples, end);
    } catch (PrometheusException e) {
      entry.failed(e.getMessage(), askedAt);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "history query of policy " + entry.key.policyUid() + " failed", e);
      entry.failed(e.toString(), askedAt);
    }
  }

  /** Range ends on a multiple of the step, so that repeated queries see the same buckets. */
  static Instant alignDown(Instant t, Duration step) {
    long s = step.toSeconds();
    return Instant.ofEpochSecond(Math.floorDiv(t.getEpochSecond(), s) * s);
  }

  private static Duration positive(Duration d, String name) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + d);
    }
    return d;
  }

  /** One policy's history; every field is guarded by the entry's monitor. */
  private static final class Entry {
    private final HistoryKey key;
    private List<TimedValue> samples = List.of();
    private Instant fetchedEnd;
    private String error;
    private Instant failedAt;
    private boolean inFlight;

    Entry(HistoryKey key) {
      this.key = key;
    }

    synchronized boolean claimQuery(Instant now, Duration refresh, Duration retry) {
      if (inFlight) {
        return false;
      }
      boolean due;
      if (failedAt != null && (fetchedEnd == null || failedAt.isAfter(fetchedEnd))) {
        due = !now.isBefore(failedAt.plus(retry));
      } else {
        due = fetchedEnd == null || !now.isBefore(fetchedEnd.plus(refresh));
      }
      inFlight = due;
      return due;
    }

    synchronized void unclaim() {
      inFlight = false;
    }

    synchronized void fetched(List<TimedValue> answer, Instant end) {
      samples = List.copyOf(answer);
      fetchedEnd = end;
      error = null;
      failedAt = null;
      inFlight = false;
    }

    synchronized void failed(String message, Instant at) {
      error = message;
      failedAt = at;
      inFlight = false;
    }

    synchronized History view() {
      History.State state =
          fetchedEnd != null
              ? History.State.FETCHED
              : error != null ? History.State.FAILED : History.State.PENDING;
      return new History(
          key, state, samples, Optional.ofNullable(fetchedEnd), Optional.ofNullable(error));
    }
  }
}
