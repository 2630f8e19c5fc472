package dev.headroom.operator.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Endpoint validation and the wire and message forms of values. */
class PrometheusEndpointTest {

  static final URI GOOD = URI.create("http://prometheus.monitoring.svc:9090");

  static Stream<Arguments> invalidEndpoints() {
    return Stream.of(
        arguments(
            named(
                "not http",
                (Supplier<?>) () -> PrometheusEndpoint.of(URI.create("ftp://prometheus:21"))),
            "must start with http:// or https://"),
        arguments(
            named(
                "relative",
                (Supplier<?>) () -> PrometheusEndpoint.of(URI.create("prometheus:9090"))),
            "must start with http:// or https://"),
        arguments(
            named(
                "credentials in the URL",
                (Supplier<?>)
                    () -> PrometheusEndpoint.of(URI.create("http://admin:secret@prometheus:9090"))),
            "must not contain credentials"),
        arguments(
            named(
                "query string",
                (Supplier<?>)
                    () -> PrometheusEndpoint.of(URI.create("http://prometheus:9090/?x=1"))),
            "must not have a query or fragment"),
        arguments(
            named(
                "zero timeout",
                (Supplier<?>) () -> PrometheusEndpoint.of(GOOD).withTimeout(Duration.ZERO)),
            "timeout must be positive"),
        arguments(
            named(
                "no byte limit",
                (Supplier<?>) () -> PrometheusEndpoint.of(GOOD).withMaxResponseBytes(0)),
            "maxResponseBytes must be positive"),
        arguments(
            named(
                "no sample limit",
                (Supplier<?>) () -> PrometheusEndpoint.of(GOOD).withMaxSamples(0)),
            "maxSamples must be positive"),
        arguments(
            named(
                "CA file and no verification",
                (Supplier<?>)
                    () ->
                        PrometheusEndpoint.of(GOOD)
                            .withCaFile(Path.of("ca.pem"))
                            .withInsecureSkipTlsVerify(true)),
            "exclude each other"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidEndpoints")
  void refusesAnEndpointThatCannotWork(Supplier<?> create, String message) {
    assertThatThrownBy(create::get)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message)
        .hasMessageNotContaining("secret");
  }

  @Test
  void defaultsAreSafe() {
    PrometheusEndpoint endpoint = PrometheusEndpoint.of(URI.create("https://prom:9090/"));

    assertThat(endpoint.timeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(endpoint.maxResponseBytes()).isEqualTo(4L * 1024 * 1024);
    assertThat(endpoint.maxSamples()).isEqualTo(11_000);
    assertThat(endpoint.insecureSkipTlsVerify()).isFalse();
    assertThat(endpoint.displayUrl()).isEqualTo("https://prom:9090");
    assertThat(endpoint.resolve("api/v1/query")).hasToString("https://prom:9090/api/v1/query");
  }

  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource({
    "1, 1.0",
    "-2.5, -2.5",
    "1e+06, 1000000.0",
    "1.5E-3, 0.0015",
    ".5, 0.5",
    "NaN, NaN",
    "+Inf, Infinity",
    "Inf, Infinity",
    "-Inf, -Infinity",
    "5., 5.0",
    "+3, 3.0",
    "-0.25e-2, -0.0025"
  })
  void readsPrometheusValueText(String text, double expected) {
    assertThat(PromValues.parseValue(text)).isEqualTo(OptionalDouble.of(expected));
  }

  @ParameterizedTest(name = "\"{0}\" is refused")
  @CsvSource({
    "''",
    "abc",
    "1d",
    "2f",
    "0x10",
    "Infinity",
    "nan",
    "'1,5'",
    "' 1'",
    "'1 '",
    "-",
    "+",
    ".",
    "1e",
    "1e+",
    "e5",
    "1.2.3",
    "--1",
    "1e5.0"
  })
  void refusesWhatPrometheusNeverWrites(String text) {
    assertThat(PromValues.parseValue(text)).isEmpty();
  }

  @Test
  void writesInstantsAndDurationsAsExactSeconds() {
    assertThat(PromValues.formatTimestamp(Instant.ofEpochSecond(1_700_000_000L)))
        .isEqualTo("1700000000");
    assertThat(PromValues.formatTimestamp(Instant.ofEpochSecond(1_700_000_000L, 1)))
        .isEqualTo("1700000000.000000001");
    assertThat(PromValues.formatSeconds(Duration.ofMinutes(5))).isEqualTo("300");
    assertThat(PromValues.formatSeconds(Duration.ofMillis(250))).isEqualTo("0.25");
    assertThat(PromValues.parseTimestamp(new java.math.BigDecimal("1435781451.781")))
        .isEqualTo(Instant.ofEpochSecond(1_435_781_451L, 781_000_000));
  }

  @ParameterizedTest(name = "{0}ms -> {1}")
  @CsvSource({
    "300, 300ms",
    "5000, 5s",
    "1500, 1.5s",
    "120000, 2m",
    "90000, 1m30s",
    "3600000, 1h",
    "3661000, 1h1m1s"
  })
  void wordsDurationsShortly(long millis, String expected) {
    assertThat(Text.duration(Duration.ofMillis(millis))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"1, 1 byte", "100, 100 bytes", "65536, 64 KiB", "4194304, 4 MiB", "1572864, 1.5 MiB"})
  void wordsByteCountsShortly(long bytes, String expected) {
    assertThat(Text.bytes(bytes)).isEqualTo(expected);
  }
}
