package dev.headroom.simulator.report;

import dev.headroom.simulator.quality.ElasticityScore;
import dev.headroom.simulator.quality.QualityBenchmark;
import dev.headroom.simulator.quality.QualityBenchmark.Result;
import dev.headroom.simulator.quality.QualityBenchmark.Variant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** The scaling-quality section of docs/benchmarks.md ({@code --quality-traces}). */
public final class QualityMarkdown {

  public static final String BEGIN = "<!-- BEGIN headroom simulate --quality-traces -->";
  public static final String END = "<!-- END headroom simulate --quality-traces -->";

  /** The goal: τU and θU at most this share of the HPA's ... */
  public static final double GOAL_SHARE = 0.5;

  /** ... at most this many percent of the oracle's replica-hours. */
  public static final double GOAL_COST = 105;

  /** Whether {@code s} meets the goal against the HPA's score {@code hpa}. */
  public static boolean meetsGoal(ElasticityScore s, ElasticityScore hpa) {
    return s.tauU() <= GOAL_SHARE * hpa.tauU() + 1e-9
        && s.thetaU() <= GOAL_SHARE * hpa.thetaU() + 1e-9
        && s.costPercent() <= GOAL_COST;
  }

  /** The goal with its budget part: no breach either. */
  public static boolean meetsGoal(ElasticityScore s, ElasticityScore hpa, long breaches) {
    return breaches == 0 && meetsGoal(s, hpa);
  }

  public String section(List<Result> results, int cores, LocalDate date, String java) {
    StringBuilder md = new StringBuilder();
    md.append(BEGIN).append("\n## Scaling quality on public traces\n\n");
    md.append("Written by `./headroom simulate --quality-traces` on ")
        .append(date)
        .append(", on a machine with ")
        .append(cores)
        .append(" cores (Java ")
        .append(java)
        .append(
            "). Traces, sources and licences:"
                + " [quality/README.md](../simulator/src/main/resources/dev/headroom/simulator/"
                + "quality/README.md). Method: [simulator.md](simulator.md#scaling-quality).\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "Setup: one replica serves the trace's median rate ÷ 10;"
                + " pods ready 60 s after they are asked for; metric 30 s old, a 2-minute rate; sync"
                + " every 15 s; replicas 1..max(20, 2 × peak ÷ capacity). Scored (walk-forward) on the"
                + " last %.0f%% of each trace, by an independent scorer against the oracle"
                + " `max(1, ceil(rate ÷ capacity))`; the HPA is an independent re-implementation."
                + " Budget: the policy draws on a ConnectionBudget of (the oracle's peak replicas + 2"
                + " surge pods) × 10 connections, pool 2..10 per pod; the HPA's pods always hold 10;"
                + " *breaches* counts the separate times over the whole trace that (pods + 2) × pool"
                + " exceeded it. Goal: τU and θU each ≤ ½ of the HPA's at ≤ 105%% of the oracle's"
                + " replica-hours, with 0 breaches.%n%n",
            100 * (1 - QualityBenchmark.TUNING_SHARE)));
    md.append(
        "| trace | rows | variant | τU % | θU % | τO % | θO % | replica-h ÷ oracle %"
            + " | breaches | goal |\n");
    md.append("|---|---:|---|---:|---:|---:|---:|---:|---:|---|\n");
    for (Result r : results) {
      ElasticityScore hpa = r.scores().get(Variant.HPA);
      boolean first = true;
      for (Variant v : Variant.values()) {
        ElasticityScore s = r.scores().get(v);
        if (s == null) {
          continue;
        }
        long breaches = r.breaches().getOrDefault(v, 0L);
        md.append(
            String.format(
                Locale.ROOT,
                "| %s | %s | %s | %.2f | %.2f | %.2f | %.2f | %.1f | %d | %s |%n",
                first ? r.trace().name() : "",
                first ? Integer.toString(r.data().size()) : "",
                v.label(),
                s.tauU(),
                s.thetaU(),
                s.tauO(),
                s.thetaO(),
                s.costPercent(),
                breaches,
                v == Variant.HPA ? "" : meetsGoal(s, hpa, breaches) ? "met" : "not met"));
        first = false;
      }
    }
    md.append('\n');
    for (Variant v : Variant.values()) {
      if (v == Variant.HPA) {
        continue;
      }
      long met =
          results.stream()
              .filter(
                  r ->
                      r.scores().containsKey(v)
                          && meetsGoal(
                              r.scores().get(v),
                              r.scores().get(Variant.HPA),
                              r.breaches().getOrDefault(v, 0L)))
              .count();
      md.append(
          String.format(
              Locale.ROOT, "* %s: goal met on %d of %d traces.%n", v.label(), met, results.size()));
    }
    md.append('\n');
    for (Result r : results) {
      r.notes()
          .forEach(
              n ->
                  md.append("* ")
                      .append(r.trace().name())
                      .append(", Headroom +" + " forecast: ")
                      .append(n)
                      .append('\n'));
    }
    md.append('\n').append(END).append('\n');
    return md.toString();
  }
}
