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
    assertThat(r.err()).contains("Missing required option: '--all-shared-traces'");
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
    Run r = run("forecast", "--all-shared-traces", "--shared-traces", missing.toString(),
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
