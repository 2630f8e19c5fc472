package dev.headroom.operator.prometheus;

import static dev.headroom.operator.prometheus.Answers.error;
import static dev.headroom.operator.prometheus.Answers.vector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.headroom.operator.MovableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A Prometheus that keeps failing is not asked for a while; one that answers badly is. */
class CircuitBreakerTest {

  static final Instant AT = Instant.ofEpochSecond(Answers.T0);

  FakePrometheus prometheus;
  MovableClock clock = new MovableClock(AT);
  PrometheusClient client;

  @BeforeEach
  void start() throws Exception {
    prometheus = FakePrometheus.start();
    client =
        new PrometheusClient(
            PrometheusEndpoint.of(prometheus.url()),
            QueryObserver.noop(),
            new CircuitBreaker(3, Duration.ofSeconds(10), clock));
  }

  @AfterEach
  void stop() {
    prometheus.close();
  }

  @Test
  void opensAfterFailuresInARowAndFailsAtOnceWithoutAsking() {
    prometheus.answer(FakePrometheus.json(503, "overloaded"));
    for (int i = 0; i < 3; i++) {
      assertThat(catchThrowable(() -> client.instantValue("up", AT)))
          .isInstanceOf(PrometheusException.HttpError.class);
    }
    Throwable open = catchThrowable(() -> client.instantValue("up", AT));

    assertThat(open)
        .isInstanceOf(PrometheusException.CircuitOpen.class)
        .hasMessageContaining("failed 3 queries in a row")
        .hasMessageContaining("HTTP 503");
    assertThat(((PrometheusException) open).reason()).isEqualTo("PrometheusCircuitOpen");
    assertThat(prometheus.requests()).hasSize(3);
    assertThat(client.circuitOpen()).isTrue();
  }

  @Test
  void afterTheOpenPeriodOneQueryProbesAndItsSuccessCloses() throws Exception {
    prometheus.answer(FakePrometheus.json(500, "down"));
    for (int i = 0; i < 3; i++) {
      catchThrowable(() -> client.instantValue("up", AT));
    }
    clock.advance(Duration.ofSeconds(11));
    prometheus.answer(FakePrometheus.json(200, vector("1")));

    assertThat(client.instantValue("up", AT)).isEqualTo(1.0);
    assertThat(client.circuitOpen()).isFalse();
    assertThat(client.instantValue("up", AT)).isEqualTo(1.0);
    assertThat(prometheus.requests()).hasSize(5);
  }

  @Test
  void aFailedProbeOpensItAgain() {
    prometheus.answer(FakePrometheus.json(500, "down"));
    for (int i = 0; i < 3; i++) {
      catchThrowable(() -> client.instantValue("up", AT));
    }
    clock.advance(Duration.ofSeconds(11));
    assertThat(catchThrowable(() -> client.instantValue("up", AT)))
        .isInstanceOf(PrometheusException.HttpError.class);
    assertThat(catchThrowable(() -> client.instantValue("up", AT)))
        .isInstanceOf(PrometheusException.CircuitOpen.class);
    assertThat(prometheus.requests()).hasSize(4);
  }

  @Test
  void badQueriesAndEmptyAnswersSayNothingAboutPrometheusHealth() {
    prometheus.answer(FakePrometheus.json(400, error("bad_data", "parse error")));
    for (int i = 0; i < 5; i++) {
      assertThat(catchThrowable(() -> client.instantValue("up{", AT)))
          .isInstanceOf(PrometheusException.HttpError.class);
    }
    prometheus.answer(FakePrometheus.json(200, Answers.success("vector", "[]")));
    for (int i = 0; i < 5; i++) {
      assertThat(catchThrowable(() -> client.instantValue("absent_metric", AT)))
          .isInstanceOf(PrometheusException.EmptyResult.class);
    }
    assertThat(client.circuitOpen()).isFalse();
    assertThat(prometheus.requests()).hasSize(10);
  }
}
