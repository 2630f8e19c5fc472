package dev.headroom.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ForecastCommandTest {

  record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    CommandLine cli = HeadroomCli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void needsTheSharedTracesFlag() {
    Run r = run("forecast");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("give either --all-shared-traces or --trace CSV");
  }

  @Test
  void forecastsAnyTraceFile(@TempDir Path dir) throws Exception {
    // Ten days, hourly, a daily shape: 100 at night, 400 by day.
    StringBuilder csv = new StringBuilder("timestamp,requests\n");
    java.time.Instant t = java.time.Instant.parse("2024-01-01T00:00:00Z");
    for (int h = 0; h < 240; h++) {
      csv.append(t.plusSeconds(3600L * h))
          .append(',')
          .append(h % 24 >= 8 && h % 24 < 20 ? 400 : 100)
          .append('\n');
    }
    Path trace = java.nio.file.Files.writeString(dir.resolve("svc.csv"), csv);

    Run r = run("forecast", "--trace", trace.toString(), "--lookback", "7d", "--no-progress");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("svc.csv", "Headroom + forecast", "HPA", "daily");
  }

  @Test
  void aLeadTimeBeyondTheHorizonIsRefused() {
    Run r = run("forecast", "--all-shared-traces", "--lead-time", "2h", "--horizon", "1h");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("--lead-time must be between 0 and --horizon");
  }

  @Test
  void aBadDurationIsRefused() {
    Run r = run("forecast", "--all-shared-traces", "--lookback", "two weeks");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--lookback");
  }

  @Test
  void aMissingTraceDirectoryIsNamed(@TempDir Path dir) {
    Path missing = dir.resolve("nope");
    Run r =
        run(
            "forecast",
            "--all-shared-traces",
            "--shared-traces",
            missing.toString(),
            "--no-markdown");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains(missing + ": no such directory");
  }

  @Test
  void anUnknownMethodIsRefused() {
    Run r = run("forecast", "--all-shared-traces", "--method", "ARIMA");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--method");
  }
}
