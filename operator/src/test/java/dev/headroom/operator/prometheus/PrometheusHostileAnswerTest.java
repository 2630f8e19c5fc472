package dev.headroom.operator.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.headroom.operator.prometheus.PrometheusException.AmbiguousResult;
import dev.headroom.operator.prometheus.PrometheusException.HttpError;
import dev.headroom.operator.prometheus.PrometheusException.Malformed;
import dev.headroom.operator.prometheus.PrometheusException.NotANumber;
import dev.headroom.operator.prometheus.PrometheusException.TooLarge;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.StringJoiner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A Prometheus (or something posing as one) that answers to hurt: redirects elsewhere, sends
 * thousands of series, nests JSON until a recursive parser overflows its stack, writes numbers
 * beyond a double, or puts terminal escapes and line breaks into its error text, which would end up
 * in conditions and Events. Each is a clear failure, within the size limit and the deadline. (Huge,
 * slow and never-ending answers are in {@link PrometheusTransportTest}; malformed shapes, NaN, Inf
 * and HTML error pages in {@link PrometheusInstantQueryTest}.)
 */
class PrometheusHostileAnswerTest {

  static final String QUERY = "sum(rate(http_requests_total[1m]))";
  static final Instant AT = Instant.ofEpochSecond(Answers.T0);

  FakePrometheus prometheus;
  FakePrometheus elsewhere;
  PrometheusClient client;

  @BeforeEach
  void start() throws Exception {
    prometheus = FakePrometheus.start();
    elsewhere = FakePrometheus.start();
    elsewhere.answer(FakePrometheus.json(200, Answers.vector("1")));
    client =
        new PrometheusClient(
            PrometheusEndpoint.of(prometheus.url()).withTimeout(Duration.ofSeconds(10)));
  }

  @AfterEach
  void stop() {
    prometheus.close();
    elsewhere.close();
  }

  @Test
  void aRedirectIsNeverFollowed() {
    for (int status : new int[] {301, 302, 303, 307, 308}) {
      prometheus.answer(
          (exchange, closing) -> {
            exchange.getResponseHeaders().set("Location", elsewhere.url() + "/api/v1/query");
            exchange.sendResponseHeaders(status, -1);
          });

      HttpError failure =
          catchThrowableOfType(HttpError.class, () -> client.instantValue(QUERY, AT));

      assertThat(failure).as("HTTP %d", status).hasMessageContaining("answered HTTP " + status);
    }
    assertThat(elsewhere.requests()).as("the redirect target was never asked").isEmpty();
  }

  @Test
  void thousandsOfSeriesAreOneAmbiguousAnswer() {
    String[] values = new String[5_000];
    java.util.Arrays.fill(values, "1");
    prometheus.answer(FakePrometheus.json(200, Answers.vector(values)));

    AmbiguousResult failure =
        catchThrowableOfType(AmbiguousResult.class, () -> client.instantValue(QUERY, AT));

    assertThat(failure).hasMessageContaining("returned 5000 series, expected exactly one");
  }

  @Test
  void jsonNestedDeeperThanAnyAnswerIsMalformedNotAStackOverflow() {
    int depth = 500_000;
    String body =
        "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":"
            + "[".repeat(depth)
            + "]".repeat(depth)
            + "}}";
    prometheus.answer(FakePrometheus.json(200, body));
    PrometheusClient roomy =
        new PrometheusClient(
            PrometheusEndpoint.of(prometheus.url()).withMaxResponseBytes(body.length() + 1));

    Malformed failure = catchThrowableOfType(Malformed.class, () -> roomy.instantValue(QUERY, AT));

    assertThat(failure).hasMessageContaining("sent an unusable answer");
  }

  @Test
  void aNumberBeyondADoubleIsNotAValue() {
    prometheus.answer(FakePrometheus.json(200, Answers.vector("1e400")));

    NotANumber failure =
        catchThrowableOfType(NotANumber.class, () -> client.instantValue(QUERY, AT));

    // Read as a double it overflows to +Inf, which is no value: missing data, never a scale-up.
    assertThat(failure).hasMessageContaining("returned +Inf");
  }

  @Test
  void aNegativeLoadIsPassedOnForTheEngineToJudge() throws Exception {
    // Prometheus may well return a negative number (a counter reset in a delta()); the client
    // reports what it got. Turning load into replicas clamps at replicas.min in the engine.
    prometheus.answer(FakePrometheus.json(200, Answers.vector("-1e9")));

    assertThat(client.instantValue(QUERY, AT)).isEqualTo(-1e9);
  }

  @Test
  void terminalEscapesAndLineBreaksInAnErrorNeverReachAMessage() {
    String hostile = "bad \\u001b[2J\\u001b[31mFIXED\\u0007\\r\\nReady: True\\u2028\\u0000";
    prometheus.answer(FakePrometheus.json(400, Answers.error("bad_data", hostile)));

    HttpError failure = catchThrowableOfType(HttpError.class, () -> client.instantValue(QUERY, AT));

    String message = failure.getMessage();
    assertThat(message).contains("bad_data: bad").contains("FIXED");
    assertThat(message.chars().filter(c -> Character.isISOControl(c) || c == 0x2028).toArray())
        .as("control characters in: " + message)
        .isEmpty();
  }

  @Test
  void aHostileQueryTextIsQuotedWithoutItsControlCharacters() {
    prometheus.answer(FakePrometheus.json(200, Answers.vector()));

    PrometheusException failure =
        catchThrowableOfType(
            PrometheusException.class,
            () -> client.instantValue("sum(x)\u001b]8;;http://evil\u0007\ny", AT));

    assertThat(failure.getMessage().chars().filter(Character::isISOControl).toArray()).isEmpty();
  }

  @Test
  void aHugeLabelValueWithinTheLimitIsReadAndStillBounded() throws Exception {
    String label = "v".repeat(3 * 1024 * 1024);
    prometheus.answer(
        FakePrometheus.json(
            200,
            Answers.success(
                "vector",
                "[{\"metric\":{\"pod\":\""
                    + label
                    + "\"},\"value\":["
                    + Answers.T0
                    + ",\"2\"]}]")));

    assertThat(client.instantValue(QUERY, AT)).isEqualTo(2.0);

    StringJoiner many = new StringJoiner(",", "[", "]");
    for (int i = 0; i < 3; i++) {
      many.add("{\"metric\":{\"pod\":\"" + label + "\"},\"value\":[" + Answers.T0 + ",\"2\"]}");
    }
    prometheus.answer(FakePrometheus.json(200, Answers.success("vector", many.toString())));
    TooLarge failure = catchThrowableOfType(TooLarge.class, () -> client.instantValue(QUERY, AT));
    assertThat(failure).hasMessageContaining("sent more than 4 MiB");
    assertThat(many.toString().getBytes(StandardCharsets.UTF_8).length)
        .isGreaterThan(4 * 1024 * 1024);
  }
}
