package dev.headroom.testbed.connections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmulatorOptionsTest {

  @Test
  void defaultsAndGivenValues() {
    EmulatorOptions o =
        EmulatorOptions.parse(
            List.of(
                "--kubeconfig=/k", "--jdbc-url=jdbc:postgresql://h/db", "--exit-delay-ms=2500"));
    assertThat(o)
        .isEqualTo(
            new EmulatorOptions(
                Path.of("/k"),
                "jdbc:postgresql://h/db",
                "DB_URL",
                "app",
                "DB_USER",
                "headroom.dev/connections=real",
                "DB_POOL_SIZE",
                "headroom.dev/pool-size",
                Duration.ofMillis(2500)));
    assertThat(o.selectorKey()).isEqualTo("headroom.dev/connections");
    assertThat(o.selectorValue()).isEqualTo("real");
    assertThat(
            EmulatorOptions.parse(
                List.of(
                    "--kubeconfig=/k",
                    "--jdbc-url=u",
                    "--url-env=URL",
                    "--user=svc",
                    "--user-env=PGUSER")))
        .extracting(EmulatorOptions::urlEnv, EmulatorOptions::user, EmulatorOptions::userEnv)
        .containsExactly("URL", "svc", "PGUSER");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "--exit-delay-ms=-1|must not be negative",
        "--exit-delay-ms=soon|whole number of milliseconds",
        "--selector=app|must be key=value",
        "--colour=red|unknown option --colour",
        "verbose|expected --name=value"
      })
  void refusesBadInput(String arg, String message) {
    assertThatThrownBy(() -> EmulatorOptions.parse(List.of("--kubeconfig=/k", "--jdbc-url=u", arg)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @Test
  void needsTheClusterAndTheDatabase() {
    assertThatThrownBy(() -> EmulatorOptions.parse(List.of("--kubeconfig=/k")))
        .hasMessageContaining("--jdbc-url");
  }
}
