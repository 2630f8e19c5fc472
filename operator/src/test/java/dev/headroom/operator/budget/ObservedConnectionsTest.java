package dev.headroom.operator.budget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.engine.grant.Measurement;
import dev.headroom.operator.api.v1alpha1.ObservedUsage;
import dev.headroom.operator.prometheus.Answers;
import dev.headroom.operator.prometheus.FakePrometheus;
import dev.headroom.operator.prometheus.PrometheusClient;
import dev.headroom.operator.prometheus.PrometheusEndpoint;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ObservedConnectionsTest {

  private static final Instant AT = Instant.ofEpochSecond(Answers.T0);
  private FakePrometheus prometheus;
  private ObservedConnections observed;

  @BeforeEach
  void start() throws Exception {
    prometheus = FakePrometheus.start();
    observed =
        new ObservedConnections(new PrometheusClient(PrometheusEndpoint.of(prometheus.url())));
  }

  @AfterEach
  void stop() {
    prometheus.close();
  }

  private static ObservedUsage query(String promql) {
    ObservedUsage usage = new ObservedUsage();
    usage.setQuery(promql);
    return usage;
  }

  @Test
  void withoutSpecObservedNothingIsMeasuredNorAsked() {
    assertThat(observed.read(null, AT))
        .isEqualTo(new ObservedConnections.Reading(Measurement.none(), null));
    assertThat(prometheus.requests()).isEmpty();
  }

  @Test
  void aCountIsRoundedToWholeConnections() {
    prometheus.answer(FakePrometheus.json(200, Answers.vector("33.6")));
    var reading = observed.read(query("sum(pg_stat_activity_count{usename=\"app\"})"), AT);
    assertThat(reading).isEqualTo(new ObservedConnections.Reading(Measurement.of(34), null));
    assertThat(prometheus.requests())
        .singleElement()
        .satisfies(
            r -> assertThat(r.body() + " " + r.rawQuery()).contains("pg_stat_activity_count"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"-1", "NaN", "+Inf", "3e10"})
  void anAnswerThatIsNoCountIsAFailedMeasurement(String value) {
    prometheus.answer(FakePrometheus.json(200, Answers.vector(value)));
    var reading = observed.read(query("q"), AT);
    assertThat(reading.measurement()).isEqualTo(Measurement.failed());
    assertThat(reading.failure()).startsWith("spec.observed:");
  }

  @Test
  void aFailingQueryIsAFailedMeasurementNotAnException() {
    prometheus.answer(FakePrometheus.json(503, "{}"));
    var reading = observed.read(query("q"), AT);
    assertThat(reading.measurement()).isEqualTo(Measurement.failed());
    assertThat(reading.failure()).startsWith("spec.observed:");
  }

  private static ObservedUsage limitQuery(String promql) {
    ObservedUsage usage = query("q");
    usage.setMaxConnectionsQuery(promql);
    return usage;
  }

  @Test
  void withoutALimitQueryTheSpecLimitIsInForce() {
    assertThat(observed.limit(query("q"), 200, AT))
        .isEqualTo(new ObservedConnections.Limit(200, null));
    assertThat(observed.limit(null, 200, AT)).isEqualTo(new ObservedConnections.Limit(200, null));
    assertThat(prometheus.requests()).isEmpty();
  }

  @ParameterizedTest(name = "server {0}, spec 200 -> {1}")
  @CsvSource({"120, 120", "200, 200", "500, 200", "99.7, 99"})
  void theSmallerOfTheServersLimitAndTheSpecIsInForce(String server, int inForce) {
    prometheus.answer(FakePrometheus.json(200, Answers.vector(server)));
    assertThat(observed.limit(limitQuery("max(pg_settings_max_connections)"), 200, AT))
        .isEqualTo(new ObservedConnections.Limit(inForce, null));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"0", "-5", "NaN", "+Inf"})
  void anAnswerThatIsNoLimitLeavesTheSpecLimitWithTheReason(String server) {
    prometheus.answer(FakePrometheus.json(200, Answers.vector(server)));
    var limit = observed.limit(limitQuery("max(pg_settings_max_connections)"), 200, AT);
    assertThat(limit.maxConnections()).isEqualTo(200);
    assertThat(limit.failure()).startsWith("spec.observed.maxConnectionsQuery:");
  }

  @Test
  void aFailingLimitQueryLeavesTheSpecLimit() {
    prometheus.answer(FakePrometheus.json(503, "{}"));
    var limit = observed.limit(limitQuery("max(pg_settings_max_connections)"), 200, AT);
    assertThat(limit.maxConnections()).isEqualTo(200);
    assertThat(limit.failure()).startsWith("spec.observed.maxConnectionsQuery:");
  }
}
