package dev.headroom.operator.prometheus;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Asks one Prometheus for single values and single series. Every query is a form-encoded POST, so
 * the PromQL never becomes part of a URL. Thread-safe; share one instance per endpoint.
 */
public final class PrometheusClient {

  private static final System.Logger LOG = System.getLogger(PrometheusClient.class.getName());

  private final PrometheusEndpoint endpoint;
  private final QueryObserver observer;
  private final HttpTransport transport;
  private final CircuitBreaker breaker;

  /**
   * @throws IllegalArgumentException when the endpoint's CA file cannot be used
   */
  public PrometheusClient(PrometheusEndpoint endpoint) {
    this(endpoint, QueryObserver.noop());
  }

  /**
   * @throws IllegalArgumentException when the endpoint's CA file cannot be used
   */
  public PrometheusClient(PrometheusEndpoint endpoint, QueryObserver observer) {
    this(endpoint, observer, CircuitBreaker.disabled());
  }

  /**
   * @param breaker shared by every query of this client: while it is open, queries fail at once
   * @throws IllegalArgumentException when the endpoint's CA file cannot be used
   */
  public PrometheusClient(
      PrometheusEndpoint endpoint, QueryObserver observer, CircuitBreaker breaker) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.observer = Objects.requireNonNull(observer, "observer");
    this.breaker = Objects.requireNonNull(breaker, "breaker");
    this.transport = new HttpTransport(endpoint);
  }

  public PrometheusEndpoint endpoint() {
    return endpoint;
  }

  /**
   * The value of {@code promql} evaluated at {@code at}: a scalar, or an instant vector holding
   * exactly one series. NaN and infinities are refused.
   */
  public double instantValue(String promql, Instant at) throws PrometheusException {
    Objects.requireNonNull(promql, "promql");
    Objects.requireNonNull(at, "at");
    Map<String, String> form = new LinkedHashMap<>();
    form.put("query", promql);
    form.put("time", PromValues.formatTimestamp(at));
    form.put("timeout", PromValues.formatSeconds(endpoint.timeout()));
    return observed(
        QueryType.INSTANT, () -> single(promql, fetch(QueryType.INSTANT, promql, form)));
  }

  /**
   * Every series of {@code promql} evaluated at {@code at}, with its labels: the answer many
   * policies share, each picking its series with {@link SeriesSet#select}. A scalar answer is one
   * series without labels. More than {@code maxSeries} series are refused.
   */
  public SeriesSet instantVector(String promql, Instant at, int maxSeries)
      throws PrometheusException {
    return instantVector(promql, at, maxSeries, null);
  }

  /**
   * Like {@link #instantVector(String, Instant, int)}, reading the answer against the previous
   * answer to the same query: series whose labels it had get its label maps (no new strings or
   * maps), and when all of them are the same, in the same order, the answer shares its indexes.
   *
   * @param previous the last answer to {@code promql}, or null
   */
  public SeriesSet instantVector(String promql, Instant at, int maxSeries, SeriesSet previous)
      throws PrometheusException {
    Objects.requireNonNull(promql, "promql");
    Objects.requireNonNull(at, "at");
    Map<String, String> form = new LinkedHashMap<>();
    form.put("query", promql);
    form.put("time", PromValues.formatTimestamp(at));
    form.put("timeout", PromValues.formatSeconds(endpoint.timeout()));
    return observed(
        QueryType.INSTANT,
        () -> {
          LabelSets known = previous == null ? LabelSets.NONE : previous.labelSets();
          Answer answer = fetch(QueryType.INSTANT, promql, form, maxSeries, known);
          return switch (answer.resultType()) {
            case "vector" ->
                new SeriesSet(promql, at, answer.allSeries(), answer.labelSets(), previous);
            case "scalar" ->
                new SeriesSet(
                    promql,
                    at,
                    List.of(
                        new LabeledValue(Map.of(), new TimedValue(at, single(promql, answer)))));
            case "matrix" ->
                throw PrometheusException.Malformed.resultType(
                    promql,
                    "range vector",
                    "an instant vector or a scalar (drop the [range] selector)");
            default ->
                throw PrometheusException.Malformed.resultType(
                    promql, resultTypeName(answer.resultType()), "an instant vector or a scalar");
          };
        });
  }

  /** Whether queries currently fail at once because Prometheus kept failing. */
  public boolean circuitOpen() {
    return breaker.open();
  }

  /**
   * The samples of {@code promql} from {@code start} to {@code end} every {@code step}, oldest
   * first; the query must yield exactly one series. Prometheus leaves out the steps where the
   * series had no value, so the list may have gaps. Any NaN or infinite sample is refused.
   */
  public List<TimedValue> range(String promql, Instant start, Instant end, Duration step)
      throws PrometheusException {
    Objects.requireNonNull(promql, "promql");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(step, "step");
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("range end " + end + " is before its start " + start);
    }
    if (step.isNegative() || step.isZero()) {
      throw new IllegalArgumentException("range step must be positive, got " + step);
    }
    Map<String, String> form = new LinkedHashMap<>();
    form.put("query", promql);
    form.put("start", PromValues.formatTimestamp(start));
    form.put("end", PromValues.formatTimestamp(end));
    form.put("step", PromValues.formatSeconds(step));
    form.put("timeout", PromValues.formatSeconds(endpoint.timeout()));
    return observed(
        QueryType.RANGE,
        () -> {
          long needed = Duration.between(start, end).dividedBy(step) + 1;
          if (needed > endpoint.maxSamples()) {
            throw PrometheusException.TooLarge.step(promql, needed, endpoint.maxSamples(), step);
          }
          return series(promql, fetch(QueryType.RANGE, promql, form));
        });
  }

  private Answer fetch(QueryType type, String promql, Map<String, String> form)
      throws PrometheusException {
    return fetch(type, promql, form, 0, LabelSets.NONE);
  }

  private Answer fetch(
      QueryType type, String promql, Map<String, String> form, int maxSeries, LabelSets known)
      throws PrometheusException {
    breaker.admit(endpoint.displayUrl());
    try {
      Answer answer = exchange(type, promql, form, maxSeries, known);
      breaker.succeeded();
      return answer;
    } catch (PrometheusException e) {
      breaker.failed(e);
      throw e;
    }
  }

  private Answer exchange(
      QueryType type, String promql, Map<String, String> form, int maxSeries, LabelSets known)
      throws PrometheusException {
    String url = endpoint.displayUrl();
    HttpTransport.Response response = transport.post(type, form);
    if (response.status() / 100 != 2) {
      Optional<Answer> error = AnswerParser.parseLeniently(response.body(), url, promql);
      throw new PrometheusException.HttpError(
          url,
          promql,
          response.status(),
          error.flatMap(Answer::errorType),
          error.flatMap(Answer::error));
    }
    Answer answer =
        maxSeries > 0
            ? AnswerParser.parseVector(response.body(), url, promql, maxSeries, known)
            : AnswerParser.parse(response.body(), url, promql, endpoint.maxSamples());
    if ("error".equals(answer.status())) {
      throw new PrometheusException.HttpError(
          url, promql, response.status(), answer.errorType(), answer.error());
    }
    if (!"success".equals(answer.status())) {
      throw PrometheusException.Malformed.body(
          url,
          answer.status() == null
              ? "no \"status\" field"
              : "status \"" + answer.status() + "\" is neither success nor error",
          null);
    }
    if (answer.resultType() == null) {
      throw PrometheusException.Malformed.body(url, "no data.resultType field", null);
    }
    boolean seriesType =
        answer.resultType().equals("vector") || answer.resultType().equals("matrix");
    if (seriesType ? answer.pair().isPresent() : answer.seriesCount() > 0) {
      throw PrometheusException.Malformed.body(
          url, "data.result does not have the shape of a " + answer.resultType(), null);
    }
    return answer;
  }

  private double single(String promql, Answer answer) throws PrometheusException {
    String url = endpoint.displayUrl();
    TimedValue sample;
    switch (answer.resultType()) {
      case "scalar" -> {
        Answer.Pair pair =
            answer
                .pair()
                .orElseThrow(
                    () ->
                        PrometheusException.Malformed.body(url, "a scalar without a value", null));
        OptionalDouble value = PromValues.parseValue(pair.text());
        if (value.isEmpty()) {
          throw PrometheusException.Malformed.body(
              url, "scalar \"" + Text.clip(pair.text(), 40) + "\" is not a number", null);
        }
        sample = new TimedValue(pair.at(), value.getAsDouble());
      }
      case "vector" -> {
        checkOneSeries(promql, answer);
        if (answer.firstSeries().size() != 1) {
          throw PrometheusException.Malformed.body(url, "a vector series without one value", null);
        }
        sample = answer.firstSeries().get(0);
      }
      case "matrix" ->
          throw PrometheusException.Malformed.resultType(
              promql, "range vector", "an instant vector or a scalar (drop the [range] selector)");
      default ->
          throw PrometheusException.Malformed.resultType(
              promql, resultTypeName(answer.resultType()), "an instant vector or a scalar");
    }
    checkFinite(promql, sample, false);
    return sample.value();
  }

  private List<TimedValue> series(String promql, Answer answer) throws PrometheusException {
    if (!"matrix".equals(answer.resultType())) {
      throw PrometheusException.Malformed.resultType(
          promql, resultTypeName(answer.resultType()), "a range vector (matrix)");
    }
    checkOneSeries(promql, answer);
    if (answer.firstSeries().isEmpty()) {
      throw new PrometheusException.EmptyResult(promql);
    }
    for (TimedValue sample : answer.firstSeries()) {
      checkFinite(promql, sample, true);
    }
    return answer.firstSeries();
  }

  private void checkOneSeries(String promql, Answer answer) throws PrometheusException {
    if (answer.seriesCount() == 0) {
      throw new PrometheusException.EmptyResult(promql);
    }
    if (answer.seriesCount() > 1) {
      throw new PrometheusException.AmbiguousResult(promql, answer.seriesCount());
    }
    if (answer.firstSeriesHasHistogram()) {
      throw PrometheusException.Malformed.resultType(
          promql, "native histogram", "float samples (use histogram_quantile() or similar)");
    }
  }

  private static void checkFinite(String promql, TimedValue sample, boolean sayWhen)
      throws PrometheusException.NotANumber {
    if (Double.isNaN(sample.value()) || Double.isInfinite(sample.value())) {
      throw new PrometheusException.NotANumber(promql, sample.value(), sample.at(), sayWhen);
    }
  }

  private static String resultTypeName(String resultType) {
    return switch (resultType) {
      case "vector" -> "instant vector";
      case "matrix" -> "range vector";
      case "scalar", "string" -> resultType;
      default -> "result of unknown type \"" + Text.clip(resultType, 40) + "\"";
    };
  }

  @FunctionalInterface
  private interface Query<T> {
    T run() throws PrometheusException;
  }

  private <T> T observed(QueryType type, Query<T> query) throws PrometheusException {
    long started = System.nanoTime();
    try {
      T result = query.run();
      tell(type, QueryOutcome.SUCCESS, started);
      return result;
    } catch (PrometheusException e) {
      tell(type, e.outcome(), started);
      throw e;
    }
  }

  private void tell(QueryType type, QueryOutcome outcome, long started) {
    try {
      observer.queryEnded(type, outcome, Duration.ofNanos(System.nanoTime() - started));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Prometheus query observer failed", e);
    }
  }
}
