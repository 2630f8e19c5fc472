package dev.headroom.simulator.cli;

import dev.headroom.engine.forecast.ForecastMethod;
import dev.headroom.engine.forecast.ForecastSettings;
import dev.headroom.simulator.forecast.Accuracy;
import dev.headroom.simulator.forecast.ForecastBenchmark;
import dev.headroom.simulator.forecast.PeakResult;
import dev.headroom.simulator.forecast.TraceForecast;
import dev.headroom.simulator.input.ManifestReader;
import dev.headroom.simulator.input.Trace;
import dev.headroom.simulator.input.TraceReader;
import dev.headroom.simulator.quality.QualityBenchmark;
import dev.headroom.simulator.quality.QualityTrace;
import dev.headroom.simulator.report.ForecastMarkdown;
import dev.headroom.simulator.sim.ProgressListener;
import dev.headroom.simulator.sim.Scenario;
import dev.headroom.simulator.sim.SimulationSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code headroom forecast}: the forecast benchmark on the shared traces (see {@link
 * ForecastBenchmark}); prints the results and writes them to docs/forecasting.md.
 */
@Command(
    name = "forecast",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Benchmarks the seasonal forecaster on the shared traces: trains on the first part of"
          + " each trace, walks forward over the rest measuring the forecast error (sMAPE,"
          + " MAPE) of every method and season, and replays the trace through Headroom with"
          + " and without the forecast and through the HPA-faithful baseline, counting the"
          + " daily peaks met before they arrived and the replica-hours.",
      "Definitions: docs/forecasting.md."
    },
    footer = {
      "",
      "Examples:",
      "  headroom forecast --all-shared-traces",
      "  headroom forecast --trace my-service.csv --lookback 28d",
      "  headroom forecast --all-shared-traces --lead-time 15m --no-markdown"
    })
public final class ForecastCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--all-shared-traces",
      description = "Run the shared traces with their bundled scenarios.")
  boolean allSharedTraces;

  @Option(
      names = "--trace",
      paramLabel = "CSV",
      description =
          "Run one trace CSV (timestamp,requests) instead, one replica serving its"
              + " median rate / 10; prints only.")
  Path trace;

  @Option(
      names = "--shared-traces",
      paramLabel = "DIR",
      description = "Directory of the traces (default: examples/traces in the" + " repository).")
  Path sharedTraces;

  @Option(
      names = "--lookback",
      paramLabel = "DURATION",
      defaultValue = "14d",
      converter = DurationConverter.class,
      description = "forecast.lookback (default: ${DEFAULT-VALUE}).")
  Duration lookback;

  @Option(
      names = "--horizon",
      paramLabel = "DURATION",
      defaultValue = "1h",
      converter = DurationConverter.class,
      description = "forecast.horizon (default: ${DEFAULT-VALUE}).")
  Duration horizon;

  @Option(
      names = "--lead-time",
      paramLabel = "DURATION",
      defaultValue = "10m",
      converter = DurationConverter.class,
      description = "forecast.leadTime (default: ${DEFAULT-VALUE}).")
  Duration leadTime;

  @Option(
      names = "--method",
      paramLabel = "METHOD",
      description =
          "Method of the replay: ${COMPLETION-CANDIDATES} (default: the forecaster's"
              + " default).")
  ForecastMethod method;

  @Option(
      names = "--level-window",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "Level window of the forecaster (default: the forecaster's default).")
  Duration levelWindow;

  @Option(
      names = "--cover-percentile",
      paramLabel = "P",
      description =
          "Percentile of the recent level the recommendation covers (default: the"
              + " forecaster's default).")
  Double coverPercentile;

  @Option(
      names = "--cover-window",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "Window of the cover percentile (default: the forecaster's default).")
  Duration coverWindow;

  @Option(
      names = "--forecasting-md",
      paramLabel = "FILE",
      description =
          "Markdown file the results are written to (default: docs/forecasting.md in"
              + " the repository).")
  Path forecastingMd;

  @Option(names = "--no-markdown", description = "Print only; write no Markdown.")
  boolean noMarkdown;

  @Option(
      names = "--only",
      paramLabel = "TEXT",
      description = "Run only the shared traces whose file name contains TEXT; prints only.")
  String only;

  @Option(
      names = "--progress",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "Progress bar on long runs when the terminal is interactive (default: on).")
  boolean progress;

  @Override
  public Integer call() throws IOException {
    for (Duration d : List.of(lookback, horizon)) {
      if (d.isZero() || d.isNegative()) {
        throw new IllegalArgumentException("--lookback and --horizon must be positive");
      }
    }
    if (leadTime.isNegative() || leadTime.compareTo(horizon) > 0) {
      throw new IllegalArgumentException("--lead-time must be between 0 and --horizon");
    }
    ForecastSettings settings = ForecastSettings.defaults();
    if (method != null) {
      settings = settings.withMethod(method);
    }
    if (levelWindow != null) {
      settings = settings.withLevelWindow(levelWindow);
    }
    if (coverWindow != null) {
      settings = settings.withCoverWindow(coverWindow);
    }
    if (coverPercentile != null) {
      settings = settings.withCoverPercentile(coverPercentile);
    }
    SimulationSettings simulation = SimulationSettings.defaults();
    PrintWriter out = spec.commandLine().getOut();
    ForecastBenchmark benchmark = new ForecastBenchmark(settings, lookback, horizon, leadTime);
    ProgressListener listener =
        progress && System.console() != null ? new ConsoleProgress() : ProgressListener.NONE;
    if ((trace == null) == !allSharedTraces) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "give either --all-shared-traces or --trace CSV");
    }
    if (trace != null) {
      Trace t = new TraceReader().read(trace);
      double capacity = QualityTrace.capacity(t);
      int max = Math.max(20, (int) Math.ceil(2 * t.peakRate() / capacity));
      Scenario scenario =
          Scenario.assemble(
              trace.getFileName().toString(),
              new ManifestReader()
                  .read("generated policy", QualityBenchmark.policy(capacity, max, "")),
              Map.of(),
              Optional.of(t));
      print(
          out,
          benchmark.run(
              trace.getFileName().toString(),
              "generated: 1 replica per median rate / 10",
              scenario,
              simulation,
              listener));
      return 0;
    }
    Path home = Path.of(System.getProperty("headroom.home", "."));
    Path dir = sharedTraces != null ? sharedTraces : home.resolve(BenchmarkRunner.TRACES_DIR);
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(dir + ": no such directory; pass --shared-traces DIR");
    }
    List<TraceForecast> runs = new ArrayList<>();
    for (BenchmarkRunner.Case c : BenchmarkRunner.CASES) {
      if (only != null && !c.traceFile().contains(only)) {
        continue;
      }
      Trace trace = new TraceReader().read(dir.resolve(c.traceFile()));
      Trace named =
          new Trace(
              BenchmarkRunner.TRACES_DIR + "/" + c.traceFile(),
              trace.start(),
              trace.intervalSeconds(),
              trace.requestsCopy());
      Scenario scenario = EmbeddedExample.bundled(c.name(), c.scenario(), named);
      TraceForecast r = benchmark.run(c.name(), c.scenario(), scenario, simulation, listener);
      print(out, r);
      runs.add(r);
    }
    if (only != null && runs.isEmpty()) {
      throw new IllegalArgumentException("--only " + only + " matches no shared trace");
    }
    if (!noMarkdown && only == null) {
      Path md = forecastingMd != null ? forecastingMd : home.resolve("docs/forecasting.md");
      ForecastMarkdown.write(
          md,
          new ForecastMarkdown()
              .section(
                  runs,
                  settings,
                  simulation,
                  Runtime.getRuntime().availableProcessors(),
                  LocalDate.now(Clock.systemUTC().withZone(ZoneOffset.UTC)),
                  Runtime.version().toString()));
      out.println("forecast benchmark written to " + md);
    }
    out.flush();
    return 0;
  }

  private static void print(PrintWriter out, TraceForecast r) {
    out.printf(Locale.ROOT, "%s (%s), evaluated from %s%n", r.name(), r.source(), r.evalStart());
    out.printf(
        Locale.ROOT,
        "  %-7s %-22s %6s %9s %7s %17s %17s %10s%n",
        "season",
        "method",
        "step",
        "forecasts",
        "ready",
        "lead sMAPE/MAPE",
        "horizon sMAPE/MAPE",
        "ms/fcst");
    for (Accuracy a : r.methods()) {
      out.printf(
          Locale.ROOT,
          "  %-7s %-22s %6s %9d %6.0f%% %8.1f/%-8.1f %8.1f/%-8.1f %10.3f%n",
          a.seasonality().name().toLowerCase(Locale.ROOT),
          a.method(),
          a.step(),
          a.origins(),
          a.origins() == 0 ? 0 : 100.0 * a.ready() / a.origins(),
          a.leadSmape(),
          a.leadMape(),
          a.horizonSmape(),
          a.horizonMape(),
          a.microsPerForecast() / 1000);
    }
    out.printf(Locale.ROOT, "  replay with %s season:%n", r.spec().seasonality());
    for (PeakResult p : List.of(r.withForecast(), r.reactive(), r.hpa())) {
      String label =
          p == r.withForecast()
              ? "Headroom + forecast"
              : p == r.reactive() ? "Headroom reactive" : "HPA";
      out.printf(
          Locale.ROOT,
          "  %-20s peaks %3d, met before %3d (%3.0f%%), in band %3d (%3.0f%%), on arrival %3d"
              + " (%3.0f%%), replica-h %10.1f, under-prov min %8.1f%n",
          label,
          p.peaks(),
          p.metBefore(),
          100 * p.metBeforeShare(),
          p.metBeforeInBand(),
          100 * p.metBeforeInBandShare(),
          p.metOnArrival(),
          100 * p.metOnArrivalShare(),
          p.replicaHours(),
          p.underMinutes());
    }
    r.notes().forEach(n -> out.println("  note: " + n));
    out.printf(Locale.ROOT, "  run time %.1f s%n%n", r.seconds());
    out.flush();
  }
}
