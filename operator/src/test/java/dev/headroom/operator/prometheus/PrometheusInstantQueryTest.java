package dev.headroom.operator.prometheus;

import static dev.headroom.operator.prometheus.Answers.error;
import static dev.headroom.operator.prometheus.Answers.scalar;
import static dev.headroom.operator.prometheus.Answers.success;
import static dev.headroom.operator.prometheus.Answers.vector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.headroom.operator.prometheus.PrometheusException.AmbiguousResult;
import dev.headroom.operator.prometheus.PrometheusException.EmptyResult;
import dev.headroom.operator.prometheus.PrometheusException.HttpError;
import dev.headroom.operator.prometheus.PrometheusException.Malformed;
import dev.headroom.operator.prometheus.PrometheusException.NotANumber;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What {@code instantValue} makes of each kind of answer. */
class PrometheusInstantQueryTest {

  static final String QUERY = "sum(rate(http_requests_total[1m]))";
  static final Instant AT = Instant.ofEpochSecond(Answers.T0);

  FakePrometheus prometheus;
  PrometheusClient client;

  @BeforeEach
  void start() throws Exception {
    prometheus = FakePrometheus.start();
    client = new PrometheusClient(PrometheusEndpoint.of(prometheus.url()));
  }

  @AfterEach
  void stop() {
    prometheus.close();
  }

  static Stream<Arguments> goodAnswers() {
    return Stream.of(
        arguments(named("vector with one series", vector("42.5")), 42.5),
        arguments(named("scalar", scalar("3")), 3.0),
        arguments(named("zero", vector("0")), 0.0),
        arguments(named("negative", vector("-0.25")), -0.25),
        arguments(named("exponent notation", vector("1e+06")), 1e6),
        arguments(
            named(
                "series without labels",
                success("vector", "[{\"metric\":{},\"value\":[1700000000,\"7\"]}]")),
            7.0),
        arguments(
            named(
                "fields in another order, warnings and unknown fields",
                "{\"data\":{\"result\":[{\"value\":[1700000000,\"8\"],\"metric\":{\"a\":\"b\"}}],"
                    + "\"resultType\":\"vector\",\"stats\":{\"x\":[1,2]}},"
                    + "\"warnings\":[\"PromQL info: something\"],\"status\":\"success\"}"),
            8.0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goodAnswers")
  void readsTheOneValue(String body, double expected) throws Exception {
    prometheus.answer(FakePrometheus.json(200, body));

    assertThat(client.instantValue(QUERY, AT)).isEqualTo(expected);
  }

  static Stream<Arguments> badAnswers() {
    String q = "\"" + QUERY + "\"";
    return Stream.of(
        bad("no series", 200, vector(), EmptyResult.class, "query " + q + " returned no series"),
        bad(
            "three series",
            200,
            vector("1", "2", "3"),
            AmbiguousResult.class,
            "query "
                + q
                + " returned 3 series, expected exactly one (aggregate it, e.g. with sum())"),
        bad("NaN", 200, vector("NaN"), NotANumber.class, "query " + q + " returned NaN"),
        bad("+Inf", 200, vector("+Inf"), NotANumber.class, "query " + q + " returned +Inf"),
        bad("-Inf scalar", 200, scalar("-Inf"), NotANumber.class, "query " + q + " returned -Inf"),
        bad(
            "range vector",
            200,
            Answers.matrix(Answers.values("1")),
            Malformed.class,
            "query "
                + q
                + " returned a range vector, expected an instant vector or a scalar"
                + " (drop the [range] selector)"),
        bad(
            "string",
            200,
            success("string", "[1700000000,\"hello\"]"),
            Malformed.class,
            "query " + q + " returned a string, expected an instant vector or a scalar"),
        bad(
            "native histogram",
            200,
            success(
                "vector",
                "[{\"metric\":{},\"histogram\":[1700000000,{\"count\":\"3\",\"sum\":\"5\"}]}]"),
            Malformed.class,
            "query " + q + " returned a native histogram"),
        bad(
            "400 bad_data",
            400,
            error("bad_data", "invalid parameter \\\"query\\\": 1:5: parse error"),
            HttpError.class,
            "answered HTTP 400 to query "
                + q
                + ": bad_data: invalid parameter \"query\": 1:5: parse error"),
        bad(
            "422 execution",
            422,
            error("execution", "many-to-many matching not allowed"),
            HttpError.class,
            "answered HTTP 422 to query " + q + ": execution: many-to-many matching not allowed"),
        bad(
            "503 timeout",
            503,
            error("timeout", "query timed out in expression evaluation"),
            HttpError.class,
            "answered HTTP 503 to query "
                + q
                + ": timeout: query timed out in expression evaluation"),
        bad(
            "502 from a proxy, not JSON",
            502,
            "<html><body>Bad Gateway</body></html>",
            HttpError.class,
            "answered HTTP 502 to query " + q),
        bad("401 without body", 401, "", HttpError.class, "answered HTTP 401 to query " + q),
        bad(
            "200 with an error document",
            200,
            error("internal", "boom"),
            HttpError.class,
            "answered HTTP 200 to query " + q + ": internal: boom"),
        bad(
            "not JSON",
            200,
            "up 1\n",
            Malformed.class,
            "sent an unusable answer: not valid JSON (Unrecognized token 'up')"),
        bad(
            "truncated JSON",
            200,
            vector("1").substring(0, 60),
            Malformed.class,
            "sent an unusable answer: the JSON ends early (truncated body)"),
        bad("empty body", 200, "", Malformed.class, "sent an unusable answer: the body is empty"),
        bad("JSON array", 200, "[1,2]", Malformed.class, "the body is not a JSON object"),
        bad(
            "trailing content",
            200,
            vector("1") + "{}",
            Malformed.class,
            "unexpected content after the JSON document"),
        bad(
            "no status",
            200,
            "{\"data\":{\"resultType\":\"vector\",\"result\":[]}}",
            Malformed.class,
            "no \"status\" field"),
        bad(
            "no resultType",
            200,
            "{\"status\":\"success\",\"data\":{\"result\":[]}}",
            Malformed.class,
            "no data.resultType field"),
        bad(
            "vector holding a scalar pair",
            200,
            success("vector", "[1700000000,\"1\"]"),
            Malformed.class,
            "data.result does not have the shape of a vector"),
        bad(
            "scalar holding series",
            200,
            success("scalar", "[{\"metric\":{},\"value\":[1700000000,\"1\"]}]"),
            Malformed.class,
            "data.result does not have the shape of a scalar"),
        bad(
            "result not an array",
            200,
            success("vector", "{}"),
            Malformed.class,
            "data.result is not an array"),
        bad(
            "value as a JSON number",
            200,
            success("vector", "[{\"metric\":{},\"value\":[1700000000,1]}]"),
            Malformed.class,
            "sample value is not a string"),
        bad(
            "value that is not a number",
            200,
            vector("many"),
            Malformed.class,
            "sample value \"many\" is not a number"),
        bad(
            "Java-only number syntax",
            200,
            vector("1d"),
            Malformed.class,
            "sample value \"1d\" is not a number"),
        bad(
            "time as a string",
            200,
            success("vector", "[{\"metric\":{},\"value\":[\"1700000000\",\"1\"]}]"),
            Malformed.class,
            "a sample time is not a number"));
  }

  private static Arguments bad(
      String name,
      int status,
      String body,
      Class<? extends PrometheusException> kind,
      String message) {
    return arguments(named(name, status), body, kind, message);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badAnswers")
  void refusesWhatIsNotOneFiniteValue(
      int status, String body, Class<? extends PrometheusException> kind, String message) {
    prometheus.answer(FakePrometheus.json(status, body));

    PrometheusException failure =
        catchThrowableOfType(PrometheusException.class, () -> client.instantValue(QUERY, AT));

    assertThat(failure).isInstanceOf(kind).hasMessageContaining(message);
    assertThat(failure.getMessage()).doesNotContain("\n");
  }

  @Test
  void anHttpErrorKeepsPrometheusOwnWords() {
    prometheus.answer(FakePrometheus.json(400, error("bad_data", "parse error")));

    HttpError failure = catchThrowableOfType(HttpError.class, () -> client.instantValue(QUERY, AT));

    assertThat(failure.status()).isEqualTo(400);
    assertThat(failure.errorType()).contains("bad_data");
    assertThat(failure.error()).contains("parse error");
    assertThat(failure.outcome()).isEqualTo(QueryOutcome.HTTP_ERROR);
    assertThat(failure.reason()).isEqualTo("PrometheusError");
    assertThat(failure.getMessage())
        .isEqualTo(
            "Prometheus at "
                + prometheus.url()
                + " answered HTTP 400 to query \""
                + QUERY
                + "\": bad_data: parse error");
  }

  @Test
  void anHttpErrorWithoutAPrometheusBodyHasNoErrorType() {
    prometheus.answer(FakePrometheus.json(502, "<html>Bad Gateway</html>"));

    HttpError failure = catchThrowableOfType(HttpError.class, () -> client.instantValue(QUERY, AT));

    assertThat(failure.status()).isEqualTo(502);
    assertThat(failure.errorType()).isEqualTo(Optional.empty());
    assertThat(failure.error()).isEqualTo(Optional.empty());
  }

  @Test
  void ambiguousAndNotANumberCarryTheirFacts() {
    prometheus.answer(FakePrometheus.json(200, vector("1", "2", "3", "4")));
    AmbiguousResult ambiguous =
        catchThrowableOfType(AmbiguousResult.class, () -> client.instantValue(QUERY, AT));
    assertThat(ambiguous.seriesCount()).isEqualTo(4);

    prometheus.answer(FakePrometheus.json(200, vector("NaN")));
    NotANumber nan = catchThrowableOfType(NotANumber.class, () -> client.instantValue(QUERY, AT));
    assertThat(nan.value()).isNaN();
    assertThat(nan.at()).isEqualTo(Instant.ofEpochSecond(Answers.T0, 500_000_000));
  }

  @Test
  void longQueriesAreShortenedInMessages() {
    String longQuery = "sum(rate(http_requests_total{job=\"api\"}[1m]))\n  / " + "x".repeat(300);
    prometheus.answer(FakePrometheus.json(200, vector()));

    EmptyResult failure =
        catchThrowableOfType(EmptyResult.class, () -> client.instantValue(longQuery, AT));

    assertThat(failure.getMessage())
        .startsWith("query \"sum(rate(http_requests_total{job=\"api\"}[1m])) / xxx")
        .endsWith("…\" returned no series")
        .hasSizeLessThan(200);
  }
}
