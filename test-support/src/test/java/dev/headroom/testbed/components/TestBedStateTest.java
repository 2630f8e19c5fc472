package dev.headroom.testbed.components;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.headroom.testbed.TestBedException;
import dev.headroom.testbed.process.Daemons;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * status, env and down read the run dir as the script writes it: this JVM stands in for a running
 * component (its pid and executable), a dead pid for a crashed one.
 */
class TestBedStateTest {

  @TempDir Path state;
  Layout layout;
  Daemons daemons;

  @BeforeEach
  void layout() throws IOException {
    layout = new Layout(state);
    daemons = new Daemons(layout.run());
    Files.createDirectories(layout.run());
  }

  private void record(String name, long pid, String exe, Integer port) throws IOException {
    Files.writeString(layout.run().resolve(name + ".pid"), pid + "\n");
    Files.writeString(layout.run().resolve(name + ".exe"), exe + "\n");
    if (port != null) {
      Files.writeString(layout.run().resolve(name + ".port"), port + "\n");
    }
  }

  private static String self() {
    return ProcessHandle.current()
        .info()
        .command()
        .map(c -> Path.of(c).toAbsolutePath().toString())
        .orElseThrow();
  }

  @Test
  void statusShowsRunningDeadAndStoppedComponents() throws IOException {
    record("kube-apiserver", ProcessHandle.current().pid(), realPath(self()), 6443);
    record("etcd", ProcessHandle.current().pid(), "/usr/bin/not-this", 2379);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    boolean clean = StatusReport.print(daemons, new PrintStream(out, true, StandardCharsets.UTF_8));
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(clean).isFalse();
    assertThat(text.lines())
        .contains(
            String.format(
                "%-24s %s",
                "kube-apiserver",
                "running  pid " + ProcessHandle.current().pid() + "  127.0.0.1:6443"),
            String.format(
                "%-24s %s",
                "etcd",
                "dead     (stale pid file, pid "
                    + ProcessHandle.current().pid()
                    + "; 'up' or 'down' cleans it)"),
            String.format("%-24s %s", "pgbouncer", "stopped"));
  }

  @Test
  void envPrintsWhatTheJavaTestBedParses() throws IOException {
    record("kube-apiserver", ProcessHandle.current().pid(), realPath(self()), 6443);
    record("postgres", ProcessHandle.current().pid(), realPath(self()), 5432);
    Files.writeString(layout.run().resolve("postgres.maxconn"), "137\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    EnvExports.print(
        layout, daemons, "v1.33.13", new PrintStream(out, true, StandardCharsets.UTF_8));
    assertThat(out.toString(StandardCharsets.UTF_8).lines())
        .contains(
            "export KUBECONFIG='" + state.resolve("kubeconfig") + "'",
            "export HEADROOM_KUBE_SERVER='https://127.0.0.1:6443'",
            "export POSTGRES_JDBC_URL='jdbc:postgresql://127.0.0.1:5432/postgres'",
            "export POSTGRES_MAX_CONNECTIONS='137'")
        .noneMatch(line -> line.contains("PROMETHEUS_URL"));
  }

  @Test
  void quotesSingleQuotesForTheShell() {
    assertThat(EnvExports.quote("it's")).isEqualTo("'it'\\''s'");
  }

  @Test
  void envRefusesATestBedThatIsNotUp() {
    assertThatThrownBy(
            () ->
                EnvExports.print(
                    layout, daemons, "v", new PrintStream(new ByteArrayOutputStream())))
        .isInstanceOf(TestBedException.class)
        .hasMessageContaining("not up");
  }

  @Test
  void downForgetsDeadProcessesAndRemovesStateButLogs() throws IOException {
    record("etcd", Long.MAX_VALUE / 2, "/usr/bin/etcd", 2379);
    Files.createDirectories(layout.pki());
    Files.writeString(layout.kubeconfig(), "x");
    Files.createDirectories(layout.logs());
    Files.writeString(layout.logs().resolve("etcd.log"), "kept");
    assertThat(new Teardown(layout, daemons).stopAll()).isEmpty();
    assertThat(layout.run()).doesNotExist();
    assertThat(layout.pki()).doesNotExist();
    assertThat(layout.kubeconfig()).doesNotExist();
    assertThat(layout.logs().resolve("etcd.log")).hasContent("kept");
  }

  private static String realPath(String path) throws IOException {
    return Path.of(path).toRealPath().toString();
  }
}
