package dev.headroom.operator.prometheus;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Why a query gave no usable value. The subclasses are closed so a caller can tell every case
 * apart; {@link #outcome()} names the case for conditions and metrics, and {@link #getMessage()} is
 * one short sentence fit for a Kubernetes condition message. Messages never contain tokens.
 */
public abstract sealed class PrometheusException extends Exception {

  private final QueryOutcome outcome;

  PrometheusException(QueryOutcome outcome, String message, Throwable cause) {
    super(message, cause);
    this.outcome = outcome;
  }

  public QueryOutcome outcome() {
    return outcome;
  }

  /** CamelCase condition reason, e.g. {@code PrometheusUnreachable}. */
  public String reason() {
    return outcome.reason();
  }

  /** No connection: refused, unknown host, TLS handshake failed, connection lost. */
  public static final class Unreachable extends PrometheusException {
    Unreachable(String url, String detail, Throwable cause) {
      super(QueryOutcome.UNREACHABLE, "Prometheus at " + url + " is unreachable: " + detail, cause);
    }
  }

  /** No complete answer within the endpoint's timeout. */
  public static final class Timeout extends PrometheusException {
    private final Duration timeout;

    Timeout(String url, Duration timeout, Throwable cause) {
      super(
          QueryOutcome.TIMEOUT,
          "Prometheus at " + url + " did not answer within " + Text.duration(timeout),
          cause);
      this.timeout = timeout;
    }

    public Duration timeout() {
      return timeout;
    }
  }

  /**
   * A status other than 2xx, or a body with {@code "status":"error"}. {@link #errorType()} and
   * {@link #error()} carry Prometheus' own words ({@code bad_data}, {@code execution}, {@code
   * timeout}, …) when the body was a Prometheus error document.
   */
  public static final class HttpError extends PrometheusException {
    private final int status;
    private final Optional<String> errorType;
    private final Optional<String> error;

    HttpError(
        String url, String promql, int status, Optional<String> errorType, Optional<String> error) {
      super(QueryOutcome.HTTP_ERROR, message(url, promql, status, errorType, error), null);
      this.status = status;
      this.errorType = errorType;
      this.error = error;
    }

    private static String message(
        String url, String promql, int status, Optional<String> errorType, Optional<String> error) {
      String head =
          "Prometheus at " + url + " answered HTTP " + status + " to query " + Text.quote(promql);
      String detail = (errorType.map(t -> t + ": ").orElse("") + error.orElse("")).strip();
      return detail.isEmpty() ? head : head + ": " + Text.clip(detail, Text.MAX_DETAIL_CHARS);
    }

    public int status() {
      return status;
    }

    public Optional<String> errorType() {
      return errorType;
    }

    public Optional<String> error() {
      return error;
    }
  }

  /** The query matched no series (or a range with no samples). */
  public static final class EmptyResult extends PrometheusException {
    EmptyResult(String promql) {
      super(QueryOutcome.EMPTY_RESULT, "query " + Text.quote(promql) + " returned no series", null);
    }

    private EmptyResult(String promql, java.util.Map<String, String> matchLabels) {
      super(
          QueryOutcome.EMPTY_RESULT,
          "query " + Text.quote(promql) + " returned no series with " + Text.labels(matchLabels),
          null);
    }

    static EmptyResult matching(String promql, java.util.Map<String, String> matchLabels) {
      return matchLabels.isEmpty() ? new EmptyResult(promql) : new EmptyResult(promql, matchLabels);
    }
  }

  /** The query returned several series where exactly one is needed. */
  public static final class AmbiguousResult extends PrometheusException {
    private final int seriesCount;

    AmbiguousResult(String promql, int seriesCount) {
      super(
          QueryOutcome.AMBIGUOUS_RESULT,
          "query "
              + Text.quote(promql)
              + " returned "
              + seriesCount
              + " series, expected exactly one (aggregate it, e.g. with sum())",
          null);
      this.seriesCount = seriesCount;
    }

    private AmbiguousResult(String promql, java.util.Map<String, String> matchLabels, int count) {
      super(
          QueryOutcome.AMBIGUOUS_RESULT,
          "query "
              + Text.quote(promql)
              + " returned "
              + count
              + " series with "
              + Text.labels(matchLabels)
              + ", expected exactly one (add labels to matchLabels, or aggregate with sum by (...))",
          null);
      this.seriesCount = count;
    }

    static AmbiguousResult matching(
        String promql, java.util.Map<String, String> matchLabels, int count) {
      return matchLabels.isEmpty()
          ? new AmbiguousResult(promql, count)
          : new AmbiguousResult(promql, matchLabels, count);
    }

    public int seriesCount() {
      return seriesCount;
    }
  }

  /** A sample was NaN, +Inf or -Inf. */
  public static final class NotANumber extends PrometheusException {
    private final double value;
    private final Instant at;

    NotANumber(String promql, double value, Instant at, boolean sayWhen) {
      super(
          QueryOutcome.NOT_A_NUMBER,
          "query "
              + Text.quote(promql)
              + " returned "
              + PromValues.format(value)
              + (sayWhen ? " at " + at : ""),
          null);
      this.value = value;
      this.at = at;
    }

    public double value() {
      return value;
    }

    public Instant at() {
      return at;
    }
  }

  /** The body is not JSON, not a Prometheus answer, or of a result type the call cannot use. */
  public static final class Malformed extends PrometheusException {
    private Malformed(String message, Throwable cause) {
      super(QueryOutcome.MALFORMED, message, cause);
    }

    static Malformed body(String url, String detail, Throwable cause) {
      return new Malformed(
          "Prometheus at "
              + url
              + " sent an unusable answer: "
              + Text.clip(detail, Text.MAX_DETAIL_CHARS),
          cause);
    }

    static Malformed resultType(String promql, String resultType, String wanted) {
      return new Malformed(
          "query "
              + Text.quote(promql)
              + " returned "
              + Text.withArticle(resultType)
              + ", expected "
              + wanted,
          null);
    }
  }

  /** The answer exceeded the byte limit, or a series the sample limit. */
  public static final class TooLarge extends PrometheusException {
    private TooLarge(String message) {
      super(QueryOutcome.TOO_LARGE, message, null);
    }

    static TooLarge bytes(String url, long limit) {
      return new TooLarge(
          "Prometheus at " + url + " sent more than " + Text.bytes(limit) + " (maxResponseBytes)");
    }

    static TooLarge samples(String promql, int limit) {
      return new TooLarge(
          "query "
              + Text.quote(promql)
              + " returned more than "
              + limit
              + " samples in one series (maxSamples)");
    }

    static TooLarge series(String promql, int limit) {
      return new TooLarge(
          "query " + Text.quote(promql) + " returned more than " + limit + " series (maxSeries)");
    }

    static TooLarge step(String promql, long needed, int limit, Duration step) {
      return new TooLarge(
          "range query "
              + Text.quote(promql)
              + " with step "
              + Text.duration(step)
              + " needs "
              + needed
              + " samples, more than "
              + limit
              + " (maxSamples); use a larger step");
    }
  }

  /**
   * Prometheus failed several queries in a row, so queries are not sent for a while (circuit
   * breaker): threads fail at once instead of each waiting for a timeout.
   */
  public static final class CircuitOpen extends PrometheusException {
    CircuitOpen(String url, int failures, Instant retryAt, String lastFailure) {
      super(
          QueryOutcome.CIRCUIT_OPEN,
          "Prometheus at "
              + url
              + " failed "
              + failures
              + " queries in a row; not asked again before "
              + retryAt
              + " (last failure: "
              + lastFailure
              + ")",
          null);
    }
  }

  /** The operator's own Prometheus settings are unusable, e.g. an unreadable token file. */
  public static final class Misconfigured extends PrometheusException {
    Misconfigured(String message, Throwable cause) {
      super(QueryOutcome.MISCONFIGURED, message, cause);
    }
  }

  /** The calling thread was interrupted while waiting; its interrupt flag is set again. */
  public static final class Interrupted extends PrometheusException {
    Interrupted(String url, Throwable cause) {
      super(QueryOutcome.INTERRUPTED, "query to Prometheus at " + url + " was interrupted", cause);
    }
  }
}
