package dev.headroom.operator.prometheus;

import static dev.headroom.operator.prometheus.Answers.T0;
import static dev.headroom.operator.prometheus.Answers.matrix;
import static dev.headroom.operator.prometheus.Answers.values;
import static dev.headroom.operator.prometheus.Answers.vector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.headroom.operator.prometheus.PrometheusException.Timeout;
import dev.headroom.operator.prometheus.PrometheusException.TooLarge;
import dev.headroom.operator.prometheus.PrometheusException.Unreachable;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Size limit, deadline and connection failures. */
class PrometheusTransportTest {

  static final String QUERY = "up";
  static final Instant AT = Instant.ofEpochSecond(T0);
  static final int LIMIT = 64 * 1024;
  static final Duration SHORT = Duration.ofMillis(300);
  static final Duration SLOW = Duration.ofSeconds(2);

  FakePrometheus prometheus;

  @BeforeEach
  void start() throws Exception {
    prometheus = FakePrometheus.start();
  }

  @AfterEach
  void stop() {
    prometheus.close();
  }

  private PrometheusClient client(Duration timeout) {
    return new PrometheusClient(
        PrometheusEndpoint.of(prometheus.url()).withTimeout(timeout).withMaxResponseBytes(LIMIT));
  }

  static Stream<Arguments> hugeAnswers() {
    String huge = Answers.vectorOfSize(LIMIT * 16);
    return Stream.of(
        arguments(named("with a Content-Length above the limit", FakePrometheus.json(200, huge))),
        arguments(
            named("chunked, passing the limit while streaming", FakePrometheus.chunked(200, huge))),
        arguments(
            named(
                "one byte over the limit, chunked",
                FakePrometheus.chunked(200, Answers.vectorOfSize(LIMIT + 1)))),
        arguments(
            named(
                "an error page above the limit",
                FakePrometheus.chunked(503, "x".repeat(LIMIT * 2)))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hugeAnswers")
  void refusesAnAnswerLargerThanTheLimit(FakePrometheus.Responder huge) {
    prometheus.answer(huge);

    TooLarge failure =
        catchThrowableOfType(TooLarge.class, () -> client(SLOW).instantValue(QUERY, AT));

    assertThat(failure)
        .hasMessage(
            "Prometheus at " + prometheus.url() + " sent more than 64 KiB (maxResponseBytes)");
    assertThat(failure.outcome()).isEqualTo(QueryOutcome.TOO_LARGE);
  }

  @Test
  void acceptsAnAnswerOfExactlyTheLimit() throws Exception {
    prometheus.answer(FakePrometheus.chunked(200, Answers.vectorOfSize(LIMIT)));

    assertThat(client(SLOW).instantValue(QUERY, AT)).isEqualTo(1.0);
  }

  static Stream<Arguments> slowAnswers() {
    return Stream.of(
        arguments(
            named(
                "no headers before the deadline",
                FakePrometheus.afterDelay(SLOW, FakePrometheus.json(200, vector("1"))))),
        arguments(
            named(
                "headers at once, the body stalls",
                FakePrometheus.stallingBody(SLOW, vector("1")))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("slowAnswers")
  void givesUpAtTheDeadline(FakePrometheus.Responder slow) {
    prometheus.answer(slow);
    long started = System.nanoTime();

    Timeout failure =
        catchThrowableOfType(Timeout.class, () -> client(SHORT).instantValue(QUERY, AT));

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(SLOW);
    assertThat(failure)
        .hasMessage("Prometheus at " + prometheus.url() + " did not answer within 300ms");
    assertThat(failure.timeout()).isEqualTo(SHORT);
  }

  @Test
  void aRangeQueryHasTheSameDeadline() {
    prometheus.answer(
        FakePrometheus.afterDelay(SLOW, FakePrometheus.json(200, matrix(values("1")))));

    assertThat(
            catchThrowableOfType(
                Timeout.class,
                () -> client(SHORT).range(QUERY, AT, AT.plusSeconds(60), Duration.ofSeconds(30))))
        .isNotNull();
  }

  @Test
  void anInterruptedCallerGetsInterruptedAndKeepsItsFlag() throws Exception {
    prometheus.answer(
        FakePrometheus.afterDelay(Duration.ofSeconds(30), FakePrometheus.json(200, "")));
    PrometheusClient client = client(Duration.ofSeconds(30));
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicBoolean stillInterrupted = new AtomicBoolean();
    Thread caller =
        new Thread(
            () -> {
              thrown.set(catchThrowable(() -> client.instantValue(QUERY, AT)));
              stillInterrupted.set(Thread.currentThread().isInterrupted());
            });
    caller.start();
    while (prometheus.requests().isEmpty()) {
      Thread.sleep(5);
    }

    caller.interrupt();
    caller.join(SLOW.toMillis());

    assertThat(thrown.get())
        .isInstanceOf(PrometheusException.Interrupted.class)
        .hasMessage("query to Prometheus at " + prometheus.url() + " was interrupted");
    assertThat(stillInterrupted).isTrue();
  }

  @Test
  void aClosedPortIsUnreachable() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    URI closed = URI.create("http://127.0.0.1:" + port);
    PrometheusClient client = new PrometheusClient(PrometheusEndpoint.of(closed));

    Unreachable failure =
        catchThrowableOfType(Unreachable.class, () -> client.instantValue(QUERY, AT));

    assertThat(failure)
        .hasMessage("Prometheus at " + closed + " is unreachable: connection refused");
    assertThat(failure.reason()).isEqualTo("PrometheusUnreachable");
  }

  @Test
  void aConnectionClosedWithoutAnswerIsUnreachable() {
    prometheus.answer(FakePrometheus.hangUp());

    Unreachable failure =
        catchThrowableOfType(Unreachable.class, () -> client(SLOW).instantValue(QUERY, AT));

    assertThat(failure)
        .hasMessage(
            "Prometheus at "
                + prometheus.url()
                + " is unreachable: the connection was closed without an answer");
  }

  static Stream<Arguments> transportFailures() {
    ConnectException unresolved = new ConnectException();
    unresolved.initCause(new UnresolvedAddressException());
    ConnectException refused = new ConnectException();
    return Stream.of(
        arguments(
            named("unknown host", unresolved),
            "is unreachable: cannot resolve host prometheus.monitoring.svc"),
        arguments(named("refused", refused), "is unreachable: connection refused"),
        arguments(
            named(
                "no route",
                new ConnectException()
                    .initCause(new java.net.NoRouteToHostException("No route to host"))),
            "is unreachable: cannot connect (No route to host)"),
        arguments(
            named(
                "TLS: unknown CA",
                new SSLHandshakeException(
                    "PKIX path building failed:"
                        + " unable to find valid certification path to requested target")),
            "is unreachable: TLS handshake failed (the certificate is not signed by a trusted CA)"),
        arguments(
            named(
                "TLS: wrong host",
                new SSLHandshakeException(
                    "No subject alternative DNS name matching prometheus.monitoring.svc found.")),
            "is unreachable: TLS handshake failed (the certificate is not valid for"
                + " prometheus.monitoring.svc)"),
        arguments(
            named(
                "TLS: other", new SSLHandshakeException("Received fatal alert: protocol_version")),
            "is unreachable: TLS handshake failed (Received fatal alert: protocol_version)"),
        arguments(
            named("connect timeout", new java.net.http.HttpConnectTimeoutException("x")),
            "did not answer within 5s"),
        arguments(
            named("anything else", new java.io.IOException("connection reset")),
            "is unreachable: connection failed (connection reset)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transportFailures")
  void namesEachTransportFailure(Throwable cause, String message) {
    HttpTransport transport =
        new HttpTransport(
            PrometheusEndpoint.of(URI.create("http://prometheus.monitoring.svc:9090")));

    assertThat(transport.classify(cause))
        .hasMessage("Prometheus at http://prometheus.monitoring.svc:9090 " + message);
  }
}
