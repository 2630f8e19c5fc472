package dev.headroom.simulator.report;

import dev.headroom.simulator.metrics.BudgetMetrics;
import dev.headroom.simulator.metrics.ElasticityMetrics;
import dev.headroom.simulator.sim.BudgetResult;
import dev.headroom.simulator.sim.PolicyResult;
import dev.headroom.simulator.sim.SimulationResult;
import dev.headroom.simulator.sim.StrategyKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The simulator's section of docs/benchmarks.md. Only the text between {@link #BEGIN} and {@link
 * #END} is replaced, so other sections of the file (the operator benchmarks) stay.
 */
public final class BenchmarkMarkdown {

  public static final String BEGIN = "<!-- BEGIN headroom simulate --all-shared-traces -->";
  public static final String END = "<!-- END headroom simulate --all-shared-traces -->";

  /** The capacity factor of the second, tolerance-aware reading of under-provisioning. */
  public static final double BAND_SERVED = 1.1;

  /**
   * One benchmarked trace.
   *
   * @param result the run with the given settings
   * @param bandServed the same run with a replica serving {@link #BAND_SERVED} x its target
   * @param seconds wall-clock time of {@code result}'s run
   */
  public record Run(
      String name,
      String scenario,
      SimulationResult result,
      SimulationResult bandServed,
      double seconds) {}

  public String section(List<Run> runs, int cores, LocalDate date, String java) {
    StringBuilder md = new StringBuilder();
    md.append(BEGIN)
        .append("\n## Simulator: Headroom vs HPA vs static peak on the shared traces\n\n");
    md.append("Written by `./headroom simulate --all-shared-traces` on ")
        .append(date)
        .append(", on a machine with ")
        .append(cores)
        .append(" cores (Java ")
        .append(java)
        .append("). Re-run it to refresh this section. Metric definitions:")
        .append(" [simulator.md](simulator.md).\n\n");
    if (!runs.isEmpty()) {
      SimulationResult first = runs.get(0).result();
      md.append("Simulated cluster: ")
          .append(TerminalReport.settings(first.settings(), first.stepSeconds()))
          .append(". Every strategy starts at the replicas the first minute needs, all ready.\n\n");
    }
    double factor = runs.isEmpty() ? 1.0 : runs.get(0).result().settings().capacityFactor();
    md.append("How to read them: a replica serves ")
        .append(factor == 1.0 ? "exactly its target" : Fmt.number(factor) + " x its target")
        .append(
            " in the detailed tables, so minutes in which the HPA's 10% tolerance band lets"
                + " pods run up to 10% above target count as under-provisioned; the second headline"
                + " column counts that band as served (`--capacity-factor 1.1`) and leaves the lag of"
                + " scaling. The scenarios use neither schedules nor a non-default behavior, and then"
                + " Headroom's reactive path is the HPA v2 algorithm: the Headroom and HPA rows can"
                + " differ only where the budget decides. The budget is where they part: the"
                + " baselines run every pod with `poolSize.max` connections, Headroom sizes the pool"
                + " from its grant.\n\n");
    md.append("### Headline\n\n");
    md.append(
        "| trace | under-provisioned min, Headroom / HPA / static | same, tolerance band"
            + " served, Headroom / HPA | replica-hours, Headroom / HPA / static | budget breach"
            + " min, Headroom / HPA / static | run time |\n");
    md.append("|---|---|---|---|---|---|\n");
    for (Run run : runs) {
      var t = run.result().totals();
      var band = run.bandServed().totals();
      var b = run.result().budgetTotals();
      md.append("| ")
          .append(run.name())
          .append(" | ")
          .append(three(t, m -> Fmt.fixed(m.underProvisionedMinutes(), 1)))
          .append(" | ")
          .append(Fmt.fixed(band.get(StrategyKind.HEADROOM).underProvisionedMinutes(), 1))
          .append(" / ")
          .append(Fmt.fixed(band.get(StrategyKind.HPA).underProvisionedMinutes(), 1))
          .append(" | ")
          .append(three(t, m -> Fmt.fixed(m.replicaHours(), 1)))
          .append(" | ")
          .append(
              b.isEmpty()
                  ? "-"
                  : Fmt.fixed(b.get(StrategyKind.HEADROOM).breachMinutes(), 1)
                      + " / "
                      + Fmt.fixed(b.get(StrategyKind.HPA).breachMinutes(), 1)
                      + " / "
                      + Fmt.fixed(b.get(StrategyKind.STATIC_PEAK).breachMinutes(), 1))
          .append(" | ")
          .append(String.format(Locale.ROOT, "%.1f s", run.seconds()))
          .append(" |\n");
    }
    md.append('\n');
    for (Run run : runs) {
      md.append(trace(run));
    }
    md.append(END).append('\n');
    return md.toString();
  }

  private interface Cell {
    String of(ElasticityMetrics m);
  }

  private static String three(java.util.Map<StrategyKind, ElasticityMetrics> t, Cell cell) {
    return cell.of(t.get(StrategyKind.HEADROOM))
        + " / "
        + cell.of(t.get(StrategyKind.HPA))
        + " / "
        + cell.of(t.get(StrategyKind.STATIC_PEAK));
  }

  private static String trace(Run run) {
    SimulationResult r = run.result();
    StringBuilder md = new StringBuilder("### ").append(run.name()).append("\n\n");
    for (PolicyResult p : r.policies()) {
      md.append("Trace `")
          .append(p.traceSource())
          .append("`, ")
          .append(p.rows())
          .append(" rows;")
          .append(" scenario `simulator/src/main/resources/dev/headroom/simulator/")
          .append(run.scenario())
          .append("`: policy `")
          .append(p.id())
          .append("`, a pod serves ")
          .append(Fmt.number(p.perReplicaCapacity()))
          .append(" req/s, replicas ")
          .append(p.minReplicas())
          .append("..")
          .append(p.maxReplicas())
          .append(", peak ")
          .append(Fmt.fixed(p.peakRate(), 1))
          .append(" req/s, static peak ")
          .append(p.staticReplicas())
          .append(" replicas.");
      TraceCredits.forSource(p.traceSource()).ifPresent(c -> md.append(" Source: ").append(c));
      md.append("\n\n");
      md.append(
          "| strategy | replica-h | under-prov min | over-prov % | θU % | θO % | τU % |"
              + " τO % | υ % | jitter/h | unserved req % |\n");
      md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
      p.strategies()
          .forEach(
              (kind, m) ->
                  md.append("| ")
                      .append(kind.label())
                      .append(" | ")
                      .append(Fmt.fixed(m.replicaHours(), 1))
                      .append(" | ")
                      .append(Fmt.fixed(m.underProvisionedMinutes(), 1))
                      .append(" | ")
                      .append(Fmt.fixed(m.overProvisionedShare(), 1))
                      .append(" | ")
                      .append(Fmt.fixed(m.thetaU(), 2))
                      .append(" | ")
                      .append(Fmt.fixed(m.thetaO(), 2))
                      .append(" | ")
                      .append(Fmt.fixed(m.tauU(), 2))
                      .append(" | ")
                      .append(Fmt.fixed(m.tauO(), 2))
                      .append(" | ")
                      .append(Fmt.fixed(m.instability(), 2))
                      .append(" | ")
                      .append(Fmt.signed(m.jitterPerHour(), 2))
                      .append(" | ")
                      .append(Fmt.fixed(m.unservedShare(), 3))
                      .append(" |\n"));
      md.append('\n');
    }
    for (BudgetResult b : r.budgets()) {
      md.append("Budget `")
          .append(b.id())
          .append("`: maxConnections ")
          .append(b.maxConnections())
          .append(", reserved ")
          .append(b.reserved())
          .append(", limit ")
          .append(b.available())
          .append(".\n\n| strategy | peak connections | breach min | breaches | most over |\n")
          .append("|---|---:|---:|---:|---:|\n");
      b.strategies().forEach((kind, m) -> md.append(budgetRow(kind, m)));
      md.append('\n');
    }
    md.append(
        String.format(
            Locale.ROOT,
            "Run time: %.2f s for %d steps of %s.%n%n",
            run.seconds(),
            r.steps(),
            Fmt.duration(r.stepSeconds())));
    return md.toString();
  }

  private static String budgetRow(StrategyKind kind, BudgetMetrics m) {
    return "| "
        + kind.label()
        + " | "
        + m.peakConnections()
        + " | "
        + Fmt.fixed(m.breachMinutes(), 1)
        + " | "
        + m.breaches()
        + " | "
        + m.peakExcess()
        + " |\n";
  }

  /** Replaces the section in {@code file}, or appends it; creates the file if need be. */
  public static void writeSection(Path file, String section) throws IOException {
    writeSection(
        file,
        section,
        BEGIN,
        END,
        "# Benchmarks\n\nHow Headroom performs, measured with commands anyone can re-run.\n\n");
  }

  /**
   * Replaces the text from {@code begin} to {@code end} in {@code file} with {@code section} (which
   * carries both markers), or appends it; a missing file starts with {@code header}.
   */
  public static void writeSection(
      Path file, String section, String begin, String end, String header) throws IOException {
    String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : header;
    int from = text.indexOf(begin);
    int to = text.indexOf(end);
    String updated;
    if (from >= 0 && to > from) {
      int after = to + end.length();
      if (after < text.length() && text.charAt(after) == '\n') {
        after++;
      }
      updated = text.substring(0, from) + section + text.substring(after);
    } else {
      updated = text + (text.endsWith("\n\n") ? "" : text.endsWith("\n") ? "\n" : "\n\n") + section;
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, updated, StandardCharsets.UTF_8);
  }
}
