package dev.headroom.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SimulateCommandTest {

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
  void withoutArgumentsRunsTheBuiltInExample(@TempDir Path dir) throws Exception {
    Path html = dir.resolve("report.html");
    Path json = dir.resolve("out.json");
    Run r = run("simulate", "--html", html.toString(), "--json", json.toString(), "--no-progress");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains(
            "Headroom simulation: built-in example",
            "policy demo/functions",
            "budget demo/functions-db",
            "Headroom",
            "HPA",
            "static peak",
            "θU %",
            "breach min");
    assertThat(Files.readString(html))
        .startsWith("<!DOCTYPE html>")
        .contains("<svg", "Serverless in the Wild");
    assertThat(Files.readString(json)).contains("\"thetaUPercent\"", "\"static-peak\"");
  }

  @Test
  void runsUserFilesWithATracePerPolicy(@TempDir Path dir) throws Exception {
    Path policy =
        Files.writeString(
            dir.resolve("web.yaml"),
            """
        apiVersion: headroom.dev/v1alpha1
        kind: ScalingPolicy
        metadata: {name: web}
        spec:
          replicas: {min: 1, max: 10}
          load: {signals: [{name: requests, query: q, target: 5}]}
        """);
    Path trace =
        Files.writeString(
            dir.resolve("web.csv"),
            "timestamp,requests\n"
                + "2024-01-01T00:00:00Z,600\n2024-01-01T00:01:00Z,1200\n2024-01-01T00:02:00Z,600\n");
    Run r = run("simulate", policy.toString(), "--trace", "web=" + trace, "--no-html");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("policy default/web", "3 x 1m");
  }

  @Test
  void writesTheReplicaSeriesPerStrategy(@TempDir Path dir) throws Exception {
    Path policy =
        Files.writeString(
            dir.resolve("web.yaml"),
            """
        apiVersion: headroom.dev/v1alpha1
        kind: ScalingPolicy
        metadata: {name: web}
        spec:
          replicas: {min: 1, max: 10}
          load: {signals: [{name: requests, query: q, target: 5}]}
        """);
    Path trace =
        Files.writeString(
            dir.resolve("web.csv"),
            "timestamp,requests\n"
                + "2024-01-01T00:00:00Z,600\n2024-01-01T00:01:00Z,1200\n2024-01-01T00:02:00Z,600\n");
    Path series = dir.resolve("out/series.csv");

    Run r =
        run(
            "simulate",
            policy.toString(),
            "--trace",
            "web=" + trace,
            "--no-html",
            "--series",
            series.toString());

    assertThat(r.code()).as(r.err()).isZero();
    java.util.List<String> lines = Files.readAllLines(series);
    assertThat(lines.get(0)).isEqualTo("timestamp,policy,strategy,ready,pods,demand");
    // Each strategy starts at the 2 replicas 10 req/s need, all ready.
    assertThat(lines)
        .contains(
            "2024-01-01T00:00:00Z,default/web,headroom,2,2,2",
            "2024-01-01T00:00:00Z,default/web,hpa,2,2,2",
            "2024-01-01T00:00:00Z,default/web,static-peak,4,4,2");
    // Demand doubles in the second minute: every strategy gets a row then.
    assertThat(lines).anyMatch(l -> l.startsWith("2024-01-01T00:01:00Z,default/web,hpa,"));
  }

  @Test
  void badCsvNamesTheLine(@TempDir Path dir) throws Exception {
    Path policy =
        Files.writeString(
            dir.resolve("web.yaml"),
            """
        apiVersion: headroom.dev/v1alpha1
        kind: ScalingPolicy
        metadata: {name: web}
        spec:
          replicas: {min: 1, max: 10}
          load: {signals: [{name: requests, query: q, target: 5}]}
        """);
    Path trace =
        Files.writeString(
            dir.resolve("web.csv"),
            "timestamp,requests\n" + "2024-01-01T00:00:00Z,600\n2024-01-01T00:01:00Z,-1\n");
    Run r = run("simulate", policy.toString(), "--trace", "web=" + trace, "--no-html");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err().trim()).isEqualTo("error: " + trace + " line 3: requests '-1' is negative");
  }

  @Test
  void aTraceForAnUnknownPolicyIsAnError(@TempDir Path dir) throws Exception {
    Path policy =
        Files.writeString(
            dir.resolve("web.yaml"),
            """
        apiVersion: headroom.dev/v1alpha1
        kind: ScalingPolicy
        metadata: {name: web}
        spec:
          replicas: {min: 1, max: 10}
          load: {signals: [{name: requests, query: q, target: 5}]}
        """);
    Path trace =
        Files.writeString(
            dir.resolve("t.csv"),
            "timestamp,requests\n" + "2024-01-01T00:00:00Z,600\n2024-01-01T00:01:00Z,60\n");
    Run r =
        run(
            "simulate",
            policy.toString(),
            "--trace",
            "web=" + trace,
            "--trace",
            "api=" + trace,
            "--no-html");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("--trace names no ScalingPolicy: api (policies: default/web)");
  }

  @Test
  void badDurationIsAUsageError() {
    Run r = run("simulate", "--startup-delay", "half a minute");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("'half a minute' is not a duration");
  }

  @Test
  void helpListsTheOptions() {
    Run r = run("simulate", "--help");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains(
            "--trace=POLICY=CSV",
            "--startup-delay",
            "--metric-delay",
            "--reconcile-interval",
            "--all-shared-traces",
            "--json",
            "--html");
  }
}
