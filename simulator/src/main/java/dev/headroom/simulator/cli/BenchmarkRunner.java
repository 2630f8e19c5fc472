package dev.headroom.simulator.cli;

import dev.headroom.simulator.input.Trace;
import dev.headroom.simulator.input.TraceReader;
import dev.headroom.simulator.report.BenchmarkMarkdown;
import dev.headroom.simulator.report.HtmlReport;
import dev.headroom.simulator.report.TerminalReport;
import dev.headroom.simulator.sim.ProgressListener;
import dev.headroom.simulator.sim.Scenario;
import dev.headroom.simulator.sim.SimulationResult;
import dev.headroom.simulator.sim.SimulationSettings;
import dev.headroom.simulator.sim.Simulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code headroom simulate --all-shared-traces}: each shared trace with its bundled scenario
 * ({@code benchmarks/*.yaml}), timed, printed, and written as a section of the benchmarks file.
 */
final class BenchmarkRunner {

  /** A shared trace and the scenario it is benchmarked with. */
  record Case(String name, String traceFile, String scenario) {}

  /** Where the traces live, relative to the repository root. */
  static final String TRACES_DIR = "examples/traces";

  static final List<Case> CASES =
      List.of(
          new Case(
              "Azure Functions 2019 (8 h, per minute)",
              "azure-functions-8h-minute.csv",
              "benchmarks/azure-functions.yaml"),
          new Case(
              "World Cup 1998 (87 days, per minute)", "wc98-minute.csv", "benchmarks/wc98.yaml"),
          new Case(
              "Wikipedia Sep-Dec 2022 (122 days, hourly)",
              "wikipedia-2022sep-dec-hour.csv",
              "benchmarks/wikipedia.yaml"));

  private final SimulationSettings settings;
  private final ProgressListener progress;
  private final PrintWriter out;
  private final Clock wallClock;

  BenchmarkRunner(
      SimulationSettings settings, ProgressListener progress, PrintWriter out, Clock wallClock) {
    this.settings = settings;
    this.progress = progress;
    this.out = out;
    this.wallClock = wallClock;
  }

  void run(Path traces, Path markdown, Optional<Path> htmlDir) throws IOException {
    if (!Files.isDirectory(traces)) {
      throw new IllegalArgumentException(traces + ": no such directory; pass --shared-traces DIR");
    }
    List<BenchmarkMarkdown.Run> runs = new ArrayList<>();
    for (Case c : CASES) {
      Trace trace = new TraceReader().read(traces.resolve(c.traceFile()));
      Trace named =
          new Trace(
              BenchmarkRunner.TRACES_DIR + "/" + c.traceFile(),
              trace.start(),
              trace.intervalSeconds(),
              trace.requestsCopy());
      Scenario scenario = EmbeddedExample.bundled(c.name(), c.scenario(), named);
      long started = System.nanoTime();
      SimulationResult result = new Simulator().run(scenario, settings, progress);
      double seconds = (System.nanoTime() - started) / 1e9;
      SimulationResult band =
          new Simulator()
              .run(
                  scenario,
                  settings.withCapacityFactor(BenchmarkMarkdown.BAND_SERVED),
                  ProgressListener.NONE);
      out.print(new TerminalReport().render(result));
      out.printf(java.util.Locale.ROOT, "run time: %.2f s%n", seconds);
      if (htmlDir.isPresent()) {
        Path file = htmlDir.get().resolve(c.traceFile().replace(".csv", ".html"));
        SimulateCommand.write(file, new HtmlReport().render(result));
        out.println("HTML report: " + file);
      }
      out.println();
      out.flush();
      runs.add(new BenchmarkMarkdown.Run(c.name(), c.scenario(), result, band, seconds));
    }
    String section =
        new BenchmarkMarkdown()
            .section(
                runs,
                Runtime.getRuntime().availableProcessors(),
                LocalDate.now(wallClock.withZone(ZoneOffset.UTC)),
                Runtime.version().toString());
    BenchmarkMarkdown.writeSection(markdown, section);
    out.println("benchmarks written to " + markdown);
    out.flush();
  }
}
