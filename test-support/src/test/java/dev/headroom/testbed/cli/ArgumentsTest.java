package dev.headroom.testbed.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.headroom.testbed.cli.Arguments.UpOptions;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArgumentsTest {

  @Test
  void upStartsTheControlPlaneAloneByDefault() {
    assertThat(UpOptions.parse(List.of())).isEqualTo(new UpOptions(false, OptionalInt.empty()));
  }

  @Test
  void upWithPrometheusAndPostgres() {
    assertThat(UpOptions.parse(List.of("--with-prometheus", "--with-postgres=250")))
        .isEqualTo(new UpOptions(true, OptionalInt.of(250)));
    assertThat(UpOptions.parse(List.of("--with-postgres")))
        .isEqualTo(new UpOptions(false, OptionalInt.of(100)));
  }

  @Test
  void theDefaultsOfPostgresPgBouncerAndConnections() {
    assertThat(Arguments.postgres(List.of())).isEqualTo(100);
    assertThat(Arguments.postgres(List.of("20"))).isEqualTo(20);
    assertThat(Arguments.pgbouncer(List.of())).isEqualTo(10);
    assertThat(Arguments.pgbouncer(List.of("3"))).isEqualTo(3);
    assertThat(Arguments.connections(List.of())).isZero();
    assertThat(Arguments.connections(List.of("--exit-delay-ms=2000"))).isEqualTo(2000);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "unknown up option|up|--with-grafana"
            + "|unknown option '--with-grafana' (up [--with-prometheus] [--with-postgres[=MAXCONN]])",
        "zero connections|up|--with-postgres=0|max_connections must be a positive integer, got '0'",
        "a word for max_connections|postgres|many"
            + "|max_connections must be a positive integer, got 'many'",
        "a negative pool|pgbouncer|-1|the PgBouncer pool must be a positive integer, got '-1'",
        "a fractional delay|connections|--exit-delay-ms=1.5"
            + "|--exit-delay-ms must be a whole number of milliseconds, got '1.5'",
        "an unknown connections option|connections|--pool=3"
            + "|unknown option '--pool=3' (connections [--exit-delay-ms=MS])"
      })
  void badInputIsAClearError(String name, String command, String arg, String message) {
    List<String> args = List.of(arg);
    assertThatThrownBy(
            () -> {
              switch (command) {
                case "up" -> UpOptions.parse(args);
                case "postgres" -> Arguments.postgres(args);
                case "pgbouncer" -> Arguments.pgbouncer(args);
                default -> Arguments.connections(args);
              }
            })
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }
}
