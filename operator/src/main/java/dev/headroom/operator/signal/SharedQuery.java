package dev.headroom.operator.signal;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One shared query: the policies watching it, its latest answer, and at most one request for a new
 * answer under way.
 *
 * <p>Nobody waits for a request another thread has under way while an answer not older than the
 * serve limit exists: at 10,000 policies one answer holds 10,000 series, and asking and parsing it
 * takes a noticeable part of a second on a loaded machine. Had every round that found the answer a
 * moment too old waited for the refresh, the reconcile threads (which the budget reconciler shares)
 * would spend their time queued behind it. An answer a little older than the tick is safe to decide
 * on: the round leaves a band around the value it read, and the next tick wakes it again if the
 * fresh value lies outside.
 */
final class SharedQuery {

  final String promql;
  final Set<ResourceID> watchers = ConcurrentHashMap.newKeySet();
  private volatile QueryAnswer latest;
  private CompletableFuture<QueryAnswer> underWay; // guarded by this

  SharedQuery(String promql) {
    this.promql = promql;
  }

  /** The latest answer, if any. */
  QueryAnswer latest() {
    return latest;
  }

  /**
   * An answer for a round: the latest when it is not older than {@code maxAge}; the latest without
   * waiting when a new one is being asked for and the latest is not older than {@code serveLimit};
   * otherwise a new one (asked here, or awaited from the request under way).
   */
  QueryAnswer read(Instant now, Duration maxAge, Duration serveLimit, Supplier<QueryAnswer> ask) {
    QueryAnswer a = latest;
    if (a != null && !a.at().isBefore(now.minus(maxAge))) {
      return a;
    }
    if (a != null && underWay() && !a.at().isBefore(now.minus(serveLimit))) {
      return a;
    }
    return refresh(ask);
  }

  /** A new answer, asked here, or the one of the request already under way. */
  QueryAnswer refresh(Supplier<QueryAnswer> ask) {
    CompletableFuture<QueryAnswer> request;
    boolean mine;
    synchronized (this) {
      mine = underWay == null;
      if (mine) {
        underWay = new CompletableFuture<>();
      }
      request = underWay;
    }
    if (!mine) {
      return request.join();
    }
    try {
      QueryAnswer a = ask.get();
      latest = a;
      request.complete(a);
      return a;
    } catch (RuntimeException e) {
      request.completeExceptionally(e);
      throw e;
    } finally {
      synchronized (this) {
        underWay = null;
      }
    }
  }

  private synchronized boolean underWay() {
    return underWay != null;
  }
}
