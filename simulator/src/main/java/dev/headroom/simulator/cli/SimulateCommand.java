package dev.headroom.simulator.cli;

import dev.headroom.simulator.input.ManifestReader;
import dev.headroom.simulator.input.Manifests;
import dev.headroom.simulator.input.Trace;
import dev.headroom.simulator.input.TraceReader;
import dev.headroom.simulator.report.HtmlReport;
import dev.headroom.simulator.report.JsonReport;
import dev.headroom.simulator.report.ReplicaSeriesWriter;
import dev.headroom.simulator.report.TerminalReport;
import dev.headroom.simulator.sim.Scenario;
import dev.headroom.simulator.sim.SimulationResult;
import dev.headroom.simulator.sim.SimulationSettings;
import dev.headroom.simulator.sim.Simulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code headroom simulate}: replays traces through Headroom, an HPA and a static deployment. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Replays request traces through the Headroom decision engine, an HPA-faithful baseline and"
          + " a static peak-provisioned deployment, and compares replica-hours,"
          + " under-provisioning, the SPEC RG elasticity metrics and connection-budget breaches.",
      "",
      "With no FILE: a built-in example (one policy and budget, 8 hours of the Azure Functions"
          + " 2019 trace).",
      "Definitions: docs/simulator.md."
    },
    footer = {
      "",
      "Examples:",
      "  headroom simulate",
      "  headroom simulate examples/connectionbudget-postgres.yaml my-policy.yaml"
          + " --trace web=web.csv --json out.json --html out.html",
      "  headroom simulate --all-shared-traces"
    })
public final class SimulateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "FILE",
      arity = "0..*",
      description = "ScalingPolicy and ConnectionBudget YAML files (other kinds are skipped).")
  List<Path> files = new ArrayList<>();

  @Option(
      names = "--trace",
      paramLabel = "POLICY=CSV",
      description =
          "Trace CSV (timestamp,requests) for a policy, by name or namespace/name;"
              + " a CSV without POLICY= drives every policy without its own.")
  List<String> traces = new ArrayList<>();

  @Option(names = "--json", paramLabel = "FILE", description = "Write the results as JSON.")
  Path json;

  @Option(
      names = "--series",
      paramLabel = "FILE",
      description =
          "Write the replicas per policy and strategy as CSV"
              + " (timestamp,policy,strategy,ready,pods,demand), a row whenever they change.")
  Path series;

  @Option(
      names = "--html",
      paramLabel = "FILE",
      defaultValue = "target/simulation.html",
      description = "Write the HTML report with charts (default: ${DEFAULT-VALUE}).")
  Path html;

  @Option(names = "--no-html", description = "Write no HTML report.")
  boolean noHtml;

  @Option(
      names = "--startup-delay",
      paramLabel = "DURATION",
      defaultValue = "30s",
      converter = DurationConverter.class,
      description = "From scale-up to ready pods (default: ${DEFAULT-VALUE}).")
  Duration startupDelay;

  @Option(
      names = "--metric-delay",
      paramLabel = "DURATION",
      defaultValue = "30s",
      converter = DurationConverter.class,
      description =
          "Age of the load value when read: scrape + aggregation (default:" + " ${DEFAULT-VALUE}).")
  Duration metricDelay;

  @Option(
      names = "--metric-window",
      paramLabel = "DURATION",
      defaultValue = "2m",
      converter = DurationConverter.class,
      description =
          "Rate window of the load query, as in rate(...[2m]); 0s for the"
              + " instantaneous rate (default: ${DEFAULT-VALUE}).")
  Duration metricWindow;

  @Option(
      names = "--reconcile-interval",
      paramLabel = "DURATION",
      defaultValue = "15s",
      converter = DurationConverter.class,
      description = "How often Headroom and the HPA decide (default: ${DEFAULT-VALUE}).")
  Duration reconcileInterval;

  @Option(
      names = "--latency",
      paramLabel = "DURATION",
      defaultValue = "200ms",
      converter = DurationConverter.class,
      description =
          "Request latency for concurrency signals, Little's law (default:" + " ${DEFAULT-VALUE}).")
  Duration latency;

  @Option(
      names = "--baseline-pool",
      paramLabel = "N",
      description =
          "Connection pool per pod of the baselines (default: each policy's" + " poolSize.max).")
  Integer baselinePool;

  @Option(
      names = "--capacity-factor",
      paramLabel = "F",
      defaultValue = "1",
      description =
          "What a ready replica serves, as a multiple of its per-replica target"
              + " (default: ${DEFAULT-VALUE}; 1.1 counts the HPA's 10%% tolerance band as served).")
  double capacityFactor;

  @Option(
      names = "--progress",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "Progress bar on long runs when the terminal is interactive (default: on).")
  boolean progress;

  @Option(
      names = "--all-shared-traces",
      description =
          "Benchmark: run the shared traces with their bundled scenarios, print the"
              + " results and write them to the benchmarks file.")
  boolean allSharedTraces;

  @Option(
      names = "--quality-traces",
      description =
          "Benchmark of scaling quality: the bundled public traces through an"
              + " independent HPA and Headroom's variants, scored against the oracle; writes the"
              + " table to the benchmarks file.")
  boolean qualityTraces;

  @Option(
      names = "--shared-traces",
      paramLabel = "DIR",
      description = "Directory of the traces (default: examples/traces in the" + " repository).")
  Path sharedTraces;

  @Option(
      names = "--benchmarks-md",
      paramLabel = "FILE",
      description =
          "Markdown file the benchmark section is written to (default:"
              + " docs/benchmarks.md in the repository).")
  Path benchmarksMd;

  @Override
  public Integer call() throws IOException {
    SimulationSettings settings =
        new SimulationSettings(
            startupDelay,
            metricDelay,
            metricWindow,
            reconcileInterval,
            latency.toNanos() / 1e9,
            baselinePool == null ? OptionalInt.empty() : OptionalInt.of(baselinePool),
            capacityFactor);
    PrintWriter out = spec.commandLine().getOut();
    if (qualityTraces) {
      if (!files.isEmpty() || !traces.isEmpty() || allSharedTraces) {
        throw new IllegalArgumentException(
            "--quality-traces runs the bundled traces; give no"
                + " FILE, --trace or --all-shared-traces with it");
      }
      Path home = Path.of(System.getProperty("headroom.home", "."));
      Path md = benchmarksMd != null ? benchmarksMd : home.resolve("docs/benchmarks.md");
      new QualityRunner(progressListener(), out, Clock.systemUTC()).run(md);
      return 0;
    }
    if (allSharedTraces) {
      if (!files.isEmpty() || !traces.isEmpty()) {
        throw new IllegalArgumentException(
            "--all-shared-traces runs the bundled scenarios; give" + " no FILE or --trace with it");
      }
      Path home = Path.of(System.getProperty("headroom.home", "."));
      Path dir = sharedTraces != null ? sharedTraces : home.resolve(BenchmarkRunner.TRACES_DIR);
      Path md = benchmarksMd != null ? benchmarksMd : home.resolve("docs/benchmarks.md");
      Path htmlDir = noHtml ? null : html.toAbsolutePath().getParent().resolve("benchmarks");
      new BenchmarkRunner(settings, progressListener(), out, Clock.systemUTC())
          .run(dir, md, Optional.ofNullable(htmlDir));
      return 0;
    }
    Scenario scenario =
        files.isEmpty() && traces.isEmpty() ? EmbeddedExample.scenario() : fromFiles();
    SimulationResult result;
    if (series != null) {
      Path parent = series.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      try (java.io.Writer w = Files.newBufferedWriter(series, StandardCharsets.UTF_8)) {
        result =
            new Simulator()
                .run(
                    scenario,
                    settings,
                    progressListener(),
                    new ReplicaSeriesWriter(
                        w, scenario.policies().stream().map(p -> p.id()).toList()));
      }
    } else {
      result = new Simulator().run(scenario, settings, progressListener());
    }
    out.print(new TerminalReport().render(result));
    if (series != null) {
      out.println("replica series: " + series);
    }
    if (json != null) {
      write(json, new JsonReport().render(result));
      out.println("JSON: " + json);
    }
    if (!noHtml) {
      write(html, new HtmlReport().render(result));
      out.println("HTML report: " + html);
    }
    out.flush();
    return 0;
  }

  private Scenario fromFiles() {
    if (files.isEmpty()) {
      throw new IllegalArgumentException("--trace needs ScalingPolicy files to drive: give FILE");
    }
    Manifests manifests = new ManifestReader().read(files);
    TraceReader reader = new TraceReader();
    Map<String, Trace> byPolicy = new TreeMap<>();
    Optional<Trace> forAll = Optional.empty();
    for (String t : traces) {
      int eq = t.indexOf('=');
      if (eq > 0 && !Files.exists(Path.of(t))) {
        String policy = t.substring(0, eq);
        if (byPolicy.containsKey(policy)) {
          throw new IllegalArgumentException("--trace: two traces for policy '" + policy + "'");
        }
        byPolicy.put(policy, reader.read(Path.of(t.substring(eq + 1))));
      } else {
        if (forAll.isPresent()) {
          throw new IllegalArgumentException(
              "--trace: only one trace may drive every policy; name"
                  + " the policy of the others with POLICY=CSV");
        }
        forAll = Optional.of(reader.read(Path.of(t)));
      }
    }
    if (byPolicy.isEmpty() && forAll.isEmpty()) {
      throw new IllegalArgumentException(
          "no trace: pass --trace POLICY=CSV (or --trace CSV for" + " all policies)");
    }
    String title = String.join(", ", files.stream().map(p -> p.getFileName().toString()).toList());
    return Scenario.assemble(title, manifests, byPolicy, forAll);
  }

  private dev.headroom.simulator.sim.ProgressListener progressListener() {
    return progress && System.console() != null
        ? new ConsoleProgress()
        : dev.headroom.simulator.sim.ProgressListener.NONE;
  }

  static void write(Path file, String content) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }
}
