package dev.headroom.operator.prometheus;

import static dev.headroom.operator.prometheus.Answers.T0;
import static dev.headroom.operator.prometheus.Answers.matrix;
import static dev.headroom.operator.prometheus.Answers.success;
import static dev.headroom.operator.prometheus.Answers.values;
import static dev.headroom.operator.prometheus.Answers.vector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.headroom.operator.prometheus.PrometheusException.AmbiguousResult;
import dev.headroom.operator.prometheus.PrometheusException.EmptyResult;
import dev.headroom.operator.prometheus.PrometheusException.Malformed;
import dev.headroom.operator.prometheus.PrometheusException.NotANumber;
import dev.headroom.operator.prometheus.PrometheusException.TooLarge;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What {@code range} makes of each kind of answer. */
class PrometheusRangeQueryTest {

  static final String QUERY = "sum(rate(http_requests_total[1m]))";
  static final Instant START = Instant.ofEpochSecond(T0);
  static final Instant END = START.plusSeconds(60);
  static final Duration STEP = Duration.ofSeconds(30);

  FakePrometheus prometheus;
  PrometheusClient client;

  @BeforeEach
  void start() throws Exception {
    prometheus = FakePrometheus.start();
    client = new PrometheusClient(PrometheusEndpoint.of(prometheus.url()).withMaxSamples(5));
  }

  @AfterEach
  void stop() {
    prometheus.close();
  }

  @Test
  void readsTheSamplesOfTheOneSeriesInOrder() throws Exception {
    prometheus.answer(
        FakePrometheus.json(
            200,
            success(
                "matrix",
                "[{\"metric\":{},\"values\":[[1700000000,\"1\"],[1700000030.25,\"2.5\"],"
                    + "[1700000060.001,\"1e3\"]]}]")));

    assertThat(client.range(QUERY, START, END, STEP))
        .containsExactly(
            new TimedValue(START, 1.0),
            new TimedValue(Instant.ofEpochSecond(T0 + 30, 250_000_000), 2.5),
            new TimedValue(Instant.ofEpochSecond(T0 + 60, 1_000_000), 1000.0));
  }

  @Test
  void acceptsExactlyMaxSamples() throws Exception {
    prometheus.answer(FakePrometheus.json(200, matrix(values("1", "2", "3", "4", "5"))));

    assertThat(client.range(QUERY, START, START.plusSeconds(120), STEP)).hasSize(5);
  }

  static Stream<Arguments> badAnswers() {
    String q = "\"" + QUERY + "\"";
    return Stream.of(
        arguments(
            named("no series", matrix()), EmptyResult.class, "query " + q + " returned no series"),
        arguments(
            named("a series without samples", success("matrix", "[{\"metric\":{},\"values\":[]}]")),
            EmptyResult.class,
            "query " + q + " returned no series"),
        arguments(
            named("two series", matrix(values("1"), values("2"))),
            AmbiguousResult.class,
            "query " + q + " returned 2 series, expected exactly one"),
        arguments(
            named("NaN in the middle", matrix(values("1", "NaN", "3"))),
            NotANumber.class,
            "query " + q + " returned NaN at 2023-11-14T22:13:50Z"),
        arguments(
            named("+Inf at the end", matrix(values("1", "2", "+Inf"))),
            NotANumber.class,
            "query " + q + " returned +Inf at 2023-11-14T22:14:20Z"),
        arguments(
            named("instant vector", vector("1")),
            Malformed.class,
            "query " + q + " returned an instant vector, expected a range vector (matrix)"),
        arguments(
            named("more samples than maxSamples", matrix(values("1", "2", "3", "4", "5", "6"))),
            TooLarge.class,
            "query " + q + " returned more than 5 samples in one series (maxSamples)"),
        arguments(
            named(
                "sample not a pair",
                success("matrix", "[{\"metric\":{},\"values\":[[1700000000]]}]")),
            Malformed.class,
            "sample value is not a string"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badAnswers")
  void refusesWhatIsNotOneFiniteSeries(
      String body, Class<? extends PrometheusException> kind, String message) {
    prometheus.answer(FakePrometheus.json(200, body));

    PrometheusException failure =
        catchThrowableOfType(
            PrometheusException.class, () -> client.range(QUERY, START, END, STEP));

    assertThat(failure).isInstanceOf(kind).hasMessageContaining(message);
  }

  @Test
  void refusesAStepThatWouldNeedTooManySamplesWithoutAsking() {
    TooLarge failure =
        catchThrowableOfType(
            TooLarge.class,
            () -> client.range(QUERY, START, START.plus(Duration.ofHours(1)), STEP));

    assertThat(failure)
        .hasMessage(
            "range query \""
                + QUERY
                + "\" with step 30s needs 121 samples, more than 5"
                + " (maxSamples); use a larger step");
    assertThat(prometheus.requests()).isEmpty();
  }

  @Test
  void rejectsAnInvertedRangeOrANonPositiveStep() {
    assertThatThrownBy(() -> client.range(QUERY, END, START, STEP))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> client.range(QUERY, START, END, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
