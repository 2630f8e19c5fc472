package dev.headroom.operator.prometheus;

import static dev.headroom.operator.prometheus.Answers.T0;
import static dev.headroom.operator.prometheus.Answers.matrix;
import static dev.headroom.operator.prometheus.Answers.values;
import static dev.headroom.operator.prometheus.Answers.vector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;

import dev.headroom.operator.prometheus.PrometheusException.Misconfigured;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is sent: method, path, form parameters, headers, the bearer token; and who is told. */
class PrometheusRequestTest {

  static final String HOSTILE = "up{job=\"a&b\"} or vector(1)#";

  FakePrometheus prometheus;
  @TempDir Path dir;

  @BeforeEach
  void start() throws Exception {
    prometheus = FakePrometheus.start();
    prometheus.answer(FakePrometheus.json(200, vector("1")));
  }

  @AfterEach
  void stop() {
    prometheus.close();
  }

  private PrometheusEndpoint endpoint() {
    return PrometheusEndpoint.of(prometheus.url());
  }

  @Test
  void anInstantQueryIsAFormPostAndTheQueryNeverTouchesTheUrl() throws Exception {
    new PrometheusClient(endpoint()).instantValue(HOSTILE, Instant.ofEpochSecond(T0, 500_000_000));

    FakePrometheus.Request request = prometheus.lastRequest();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/api/v1/query");
    assertThat(request.rawQuery()).isNull();
    assertThat(request.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
    assertThat(request.header("Accept")).isEqualTo("application/json");
    assertThat(request.body()).doesNotContain("\"", "{", "#", " ", "a&b");
    assertThat(request.form())
        .containsExactly(
            entry("query", HOSTILE), entry("time", "1700000000.5"), entry("timeout", "5"));
  }

  @Test
  void aRangeQuerySendsStartEndAndStepInSeconds() throws Exception {
    prometheus.answer(FakePrometheus.json(200, matrix(values("1", "2"))));

    new PrometheusClient(endpoint().withTimeout(Duration.ofMillis(1500)))
        .range(
            HOSTILE,
            Instant.ofEpochSecond(T0),
            Instant.ofEpochSecond(T0 + 60),
            Duration.ofMillis(30_500));

    FakePrometheus.Request request = prometheus.lastRequest();
    assertThat(request.path()).isEqualTo("/api/v1/query_range");
    assertThat(request.rawQuery()).isNull();
    assertThat(request.form())
        .containsExactly(
            entry("query", HOSTILE),
            entry("start", "1700000000"),
            entry("end", "1700000060"),
            entry("step", "30.5"),
            entry("timeout", "1.5"));
  }

  @Test
  void aPathPrefixInTheBaseUrlIsKept() throws Exception {
    URI prefixed = URI.create(prometheus.url() + "/thanos/prometheus/");

    new PrometheusClient(PrometheusEndpoint.of(prefixed)).instantValue("up", Instant.EPOCH);

    assertThat(prometheus.lastRequest().path()).isEqualTo("/thanos/prometheus/api/v1/query");
  }

  @Test
  void noTokenFileMeansNoAuthorizationHeader() throws Exception {
    new PrometheusClient(endpoint()).instantValue("up", Instant.EPOCH);

    assertThat(prometheus.lastRequest().header("Authorization")).isNull();
  }

  @Test
  void theBearerTokenIsReadFromItsFileOnEveryRequest() throws Exception {
    Path token = Files.writeString(dir.resolve("token"), "first-token\n");
    PrometheusClient client = new PrometheusClient(endpoint().withBearerTokenFile(token));

    client.instantValue("up", Instant.EPOCH);
    assertThat(prometheus.lastRequest().header("Authorization")).isEqualTo("Bearer first-token");

    Files.writeString(token, "rotated-token");
    client.instantValue("up", Instant.EPOCH);
    assertThat(prometheus.lastRequest().header("Authorization")).isEqualTo("Bearer rotated-token");
  }

  @Test
  void anUnusableTokenFileFailsBeforeAnythingIsSent() throws Exception {
    Path missing = dir.resolve("missing");
    Path empty = Files.writeString(dir.resolve("empty"), " \n");
    Path twoLines = Files.writeString(dir.resolve("two-lines"), "abc\nInjected: yes");

    assertThat(misconfigured(missing))
        .hasMessage("cannot use the Prometheus bearer token file " + missing + ": no such file");
    assertThat(misconfigured(empty))
        .hasMessage("cannot use the Prometheus bearer token file " + empty + ": the file is empty");
    assertThat(misconfigured(twoLines))
        .hasMessageEndingWith("the token holds characters not allowed in an HTTP header")
        .hasMessageNotContaining("abc");
    assertThat(prometheus.requests()).isEmpty();
  }

  private Misconfigured misconfigured(Path tokenFile) {
    PrometheusClient client = new PrometheusClient(endpoint().withBearerTokenFile(tokenFile));
    Misconfigured failure =
        catchThrowableOfType(Misconfigured.class, () -> client.instantValue("up", Instant.EPOCH));
    assertThat(failure.reason()).isEqualTo("PrometheusMisconfigured");
    return failure;
  }

  record Observed(QueryType type, QueryOutcome outcome, Duration elapsed) {}

  @Test
  void theObserverHearsOfEveryQueryAndItsOutcome() throws Exception {
    List<Observed> observed = new CopyOnWriteArrayList<>();
    PrometheusClient client =
        new PrometheusClient(
            endpoint().withMaxSamples(10),
            (type, outcome, elapsed) -> observed.add(new Observed(type, outcome, elapsed)));

    client.instantValue("up", Instant.EPOCH);
    prometheus.answer(FakePrometheus.json(200, vector()));
    catchThrowableOfType(PrometheusException.class, () -> client.instantValue("up", Instant.EPOCH));
    catchThrowableOfType(
        PrometheusException.class,
        () ->
            client.range(
                "up", Instant.EPOCH, Instant.EPOCH.plusSeconds(600), Duration.ofSeconds(1)));

    assertThat(observed)
        .extracting(Observed::type, Observed::outcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(QueryType.INSTANT, QueryOutcome.SUCCESS),
            org.assertj.core.groups.Tuple.tuple(QueryType.INSTANT, QueryOutcome.EMPTY_RESULT),
            org.assertj.core.groups.Tuple.tuple(QueryType.RANGE, QueryOutcome.TOO_LARGE));
    assertThat(observed)
        .allSatisfy(o -> assertThat(o.elapsed()).isGreaterThanOrEqualTo(Duration.ZERO));
  }

  @Test
  void aFailingObserverDoesNotFailTheQuery() throws Exception {
    PrometheusClient client =
        new PrometheusClient(
            endpoint(),
            (type, outcome, elapsed) -> {
              throw new IllegalStateException("metrics registry closed");
            });

    assertThat(client.instantValue("up", Instant.EPOCH)).isEqualTo(1.0);
  }
}
