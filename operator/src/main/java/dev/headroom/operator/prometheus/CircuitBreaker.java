package dev.headroom.operator.prometheus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Stops asking a Prometheus that keeps failing. After {@code threshold} failed queries in a row the
 * circuit opens: for {@code openFor} every query fails at once with {@link
 * PrometheusException.CircuitOpen} instead of tying up a thread until its timeout. Then one query
 * is let through (half open): its success closes the circuit, its failure opens it again.
 *
 * <p>Only failures of Prometheus itself count (unreachable, timeout, HTTP 5xx, malformed or too
 * large answers); a query that Prometheus answered well but that yields no usable value (no series,
 * NaN, a bad query) says nothing about Prometheus' health. Thread-safe.
 */
public final class CircuitBreaker {

  private final int threshold;
  private final Duration openFor;
  private final Clock clock;
  private int failures;
  private Instant openUntil = Instant.MIN;
  private boolean probing;
  private String lastFailure = "";

  public CircuitBreaker(int threshold, Duration openFor, Clock clock) {
    if (threshold < 1) {
      throw new IllegalArgumentException("threshold must be at least 1, got " + threshold);
    }
    if (openFor.isNegative() || openFor.isZero()) {
      throw new IllegalArgumentException("openFor must be positive, got " + openFor);
    }
    this.threshold = threshold;
    this.openFor = openFor;
    this.clock = clock;
  }

  /** A breaker that never opens. */
  public static CircuitBreaker disabled() {
    return new CircuitBreaker(Integer.MAX_VALUE, Duration.ofSeconds(1), Clock.systemUTC());
  }

  /** Before a query: throws while the circuit is open; lets one probe through once it may close. */
  public synchronized void admit(String url) throws PrometheusException.CircuitOpen {
    if (failures < threshold) {
      return;
    }
    Instant now = clock.instant();
    if (now.isBefore(openUntil) || probing) {
      throw new PrometheusException.CircuitOpen(url, failures, openUntil, lastFailure);
    }
    probing = true;
  }

  public synchronized void succeeded() {
    failures = 0;
    probing = false;
  }

  /** After a failed query; only failures of Prometheus itself move the breaker. */
  public synchronized void failed(PrometheusException e) {
    if (!countsAgainstPrometheus(e)) {
      if (probing) {
        failures = 0;
        probing = false;
      }
      return;
    }
    failures = Math.min(failures + 1, Integer.MAX_VALUE - 1);
    lastFailure = e.getMessage();
    probing = false;
    if (failures >= threshold) {
      openUntil = clock.instant().plus(openFor);
    }
  }

  public synchronized boolean open() {
    return failures >= threshold;
  }

  /** A 4xx answer (a bad query, say) is Prometheus working; a 5xx or 429 is not. */
  static boolean countsAgainstPrometheus(PrometheusException e) {
    if (e instanceof PrometheusException.HttpError http) {
      return http.status() >= 500 || http.status() == 429;
    }
    return switch (e.outcome()) {
      case UNREACHABLE, TIMEOUT, MALFORMED, TOO_LARGE -> true;
      default -> false;
    };
  }
}
