package dev.headroom.simulator.cli;

import dev.headroom.simulator.quality.QualityBenchmark;
import dev.headroom.simulator.quality.QualityBenchmark.Result;
import dev.headroom.simulator.quality.QualityTrace;
import dev.headroom.simulator.report.BenchmarkMarkdown;
import dev.headroom.simulator.report.QualityMarkdown;
import dev.headroom.simulator.sim.ProgressListener;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code headroom simulate --quality-traces}: runs, prints and writes the quality table. */
final class QualityRunner {

  private final ProgressListener progress;
  private final PrintWriter out;
  private final Clock wallClock;

  QualityRunner(ProgressListener progress, PrintWriter out, Clock wallClock) {
    this.progress = progress;
    this.out = out;
    this.wallClock = wallClock;
  }

  void run(Path markdown) throws IOException {
    QualityBenchmark benchmark = new QualityBenchmark();
    List<Result> results = new ArrayList<>();
    for (QualityTrace t : QualityTrace.ALL) {
      Result r = benchmark.run(t, t.read(), progress);
      results.add(r);
      out.printf(
          Locale.ROOT,
          "%s (%d rows, capacity %.4g req/s per replica, %.1f s)%n",
          t.name(),
          r.data().size(),
          r.capacity(),
          r.seconds());
      r.scores()
          .forEach(
              (v, s) ->
                  out.printf(
                      Locale.ROOT,
                      "  %-42s tauU %6.2f%%  thetaU %6.2f%%  tauO %6.2f%%  thetaO %7.2f%%  cost %6.1f%%"
                          + "  breaches %d%n",
                      v.label(),
                      s.tauU(),
                      s.thetaU(),
                      s.tauO(),
                      s.thetaO(),
                      s.costPercent(),
                      r.breaches().getOrDefault(v, 0L)));
      r.notes().forEach(n -> out.println("  note: " + n));
      out.flush();
    }
    String section =
        new QualityMarkdown()
            .section(
                results,
                Runtime.getRuntime().availableProcessors(),
                LocalDate.now(wallClock.withZone(ZoneOffset.UTC)),
                Runtime.version().toString());
    BenchmarkMarkdown.writeSection(
        markdown, section, QualityMarkdown.BEGIN, QualityMarkdown.END, "# Benchmarks\n\n");
    out.println("quality table written to " + markdown);
    out.flush();
  }
}
