package dev.headroom.operator.it.faults;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The numbers of a fault run, as printed and written to the report file. */
public record FaultReport(
    FaultRun.Options options,
    List<FaultRun.ScenarioResult> scenarios,
    Map<FaultKind, Long> injected,
    Duration took,
    long maxSampleGapMillis,
    long maxDatabaseGapMillis,
    long maxDatabaseTotal,
    int postgresMaxConnections,
    List<Long> failoverMillis,
    int unexpectedOperatorExits,
    int operatorStarts,
    long apiRequests,
    List<String> driverLog) {

  public long breaches() {
    return scenarios.stream().mapToLong(s -> s.breaches().size()).sum();
  }

  /** Samples in which PostgreSQL counted more connections for a budget's role than its limit. */
  public long databaseBreaches() {
    return scenarios.stream().mapToLong(s -> s.databaseBreaches().size()).sum();
  }

  public long databaseSamples() {
    return scenarios.stream().mapToLong(FaultRun.ScenarioResult::databaseSamples).sum();
  }

  /**
   * Σ connections PostgreSQL counted / Σ connections the pod pools counted, over every database
   * sample: below 1 by the pods not yet Running or already terminating, whose pools the emulator
   * does not hold; far below it if the emulator fell behind.
   */
  public double databaseShare() {
    long database =
        scenarios.stream().mapToLong(FaultRun.ScenarioResult::databaseConnections).sum();
    long pods = scenarios.stream().mapToLong(FaultRun.ScenarioResult::podConnections).sum();
    return pods == 0 ? 0 : (double) database / pods;
  }

  public List<String> failures() {
    return scenarios.stream()
        .filter(s -> !s.passed())
        .flatMap(
            s -> {
              String head =
                  "scenario "
                      + s.index()
                      + " (seed "
                      + s.seed()
                      + ", namespace "
                      + s.namespace()
                      + "): ";
              return java.util.stream.Stream.of(
                      s.breaches().stream().map(b -> head + "BREACH " + b),
                      s.databaseBreaches().stream().map(b -> head + "DATABASE BREACH " + b),
                      s.problems().stream().map(p -> head + p))
                  .flatMap(x -> x);
            })
        .toList();
  }

  public long growsWhileOver() {
    return scenarios.stream().mapToLong(s -> s.growsWhileOver().size()).sum();
  }

  public boolean passed() {
    return !scenarios.isEmpty() && scenarios.stream().allMatch(FaultRun.ScenarioResult::passed);
  }

  public String summary() {
    StringBuilder out = new StringBuilder();
    long samples = scenarios.stream().mapToLong(FaultRun.ScenarioResult::samples).sum();
    long[] conv =
        scenarios.stream()
            .mapToLong(FaultRun.ScenarioResult::convergenceMillis)
            .filter(x -> x >= 0)
            .sorted()
            .toArray();
    double maxRatio =
        scenarios.stream().mapToDouble(FaultRun.ScenarioResult::maxRatio).max().orElse(0);
    out.append(
        String.format(
            Locale.ROOT,
            "fault run: seed %d, %d scenarios%s (%d in parallel), %d budgets, %d consumers, took %s%n",
            options.seed(),
            scenarios.size(),
            scenarios.size() == options.scenarios()
                ? ""
                : " of "
                    + options.scenarios()
                    + " asked (time budget "
                    + options.maxMinutes()
                    + " min)",
            options.parallel(),
            scenarios.stream().mapToInt(FaultRun.ScenarioResult::budgets).sum(),
            scenarios.stream().mapToInt(FaultRun.ScenarioResult::consumers).sum(),
            format(took)));
    out.append("faults injected by kind:\n");
    for (var e : injected.entrySet()) {
      out.append(
          String.format(
              Locale.ROOT,
              "  %-30s %7d  %s%n",
              e.getKey().name().toLowerCase(Locale.ROOT).replace('_', '-'),
              e.getValue(),
              e.getKey().description()));
    }
    out.append(
        String.format(
            Locale.ROOT,
            "  (apiserver requests through the proxy: %d; operator starts: %d, of which %d restarts after an exit on its own)%n",
            apiRequests,
            operatorStarts,
            unexpectedOperatorExits));
    if (!failoverMillis.isEmpty()) {
      long[] f = failoverMillis.stream().mapToLong(Long::longValue).sorted().toArray();
      out.append(
          String.format(
              Locale.ROOT,
              "leader failover (kill -9 to the standby holding the Lease): p50 %.1f s, max %.1f s over %d%n",
              f[f.length / 2] / 1000.0,
              f[f.length - 1] / 1000.0,
              f.length));
    }
    out.append(
        String.format(
            Locale.ROOT,
            "samples taken: %d (every 150 ms per scenario; longest gap between rounds %d ms)%n",
            samples,
            maxSampleGapMillis));
    out.append(
        String.format(
            Locale.ROOT,
            "database samples: %d (pg_stat_activity by role, every 150 ms; longest gap %d ms); "
                + "most connections open at once on PostgreSQL: %d of max_connections %d%n",
            databaseSamples(),
            maxDatabaseGapMillis,
            maxDatabaseTotal,
            postgresMaxConnections));
    out.append(
        String.format(
            Locale.ROOT,
            "max used/limit: %.3f by pod pools, %.3f by the database "
                + "(database/pod-pool connections over all samples: %.3f)%n",
            maxRatio,
            scenarios.stream()
                .flatMap(s -> s.peaks().stream())
                .mapToDouble(FaultRun.BudgetPeak::databaseRatio)
                .max()
                .orElse(0),
            databaseShare()));
    out.append(
        String.format(
            Locale.ROOT,
            "breaches: %d by pod pools, %d by the database; grows while over a lowered limit: %d%n",
            breaches(),
            databaseBreaches(),
            growsWhileOver()));
    if (conv.length > 0) {
      out.append(
          String.format(
              Locale.ROOT,
              "convergence after faults stop: p50 %.1f s, p90 %.1f s, max %.1f s (%d of %d converged)%n",
              conv[conv.length / 2] / 1000.0,
              conv[Math.min(conv.length - 1, conv.length * 9 / 10)] / 1000.0,
              conv[conv.length - 1] / 1000.0,
              conv.length,
              scenarios.size()));
    }
    List<String> failures = failures();
    out.append(
        String.format(
            Locale.ROOT,
            "result: %s (%d scenarios failed)%n",
            passed() ? "PASS" : "FAIL",
            scenarios.stream().filter(s -> !s.passed()).count()));
    failures.stream().limit(30).forEach(f -> out.append("  ").append(f).append('\n'));
    scenarios.stream()
        .flatMap(s -> s.growsWhileOver().stream().map(g -> "  scenario " + s.index() + ": " + g))
        .limit(20)
        .forEach(g -> out.append(g).append('\n'));
    return out.toString();
  }

  public String markdown() {
    String command =
        "scripts/fault-run --scenarios "
            + options.scenarios()
            + " --seed "
            + options.seed()
            + " --parallel "
            + options.parallel();
    return "# Fault run results\n\n"
        + "Written by `"
        + command
        + "` (see [reliability.md](reliability.md)).\n\n"
        + "```\n"
        + summary()
        + "```\n\n"
        + "Shared faults by wave:\n\n```\n"
        + String.join("\n", driverLog)
        + "\n```\n\n"
        + "Per scenario (max per budget: pod pools / limit, database / limit):\n\n"
        + "| # | seed | budgets | consumers | samples | database samples | max used/limit | max per budget | converged in | faults |\n"
        + "|---|---|---|---|---|---|---|---|---|---|\n"
        + scenarios.stream()
            .map(
                s ->
                    String.format(
                        Locale.ROOT,
                        "| %d | %d | %d | %d | %d | %d | %.3f | %s | %s | %s |",
                        s.index(),
                        s.seed(),
                        s.budgets(),
                        s.consumers(),
                        s.samples(),
                        s.databaseSamples(),
                        s.maxRatio(),
                        s.peaks().stream()
                            .map(
                                p ->
                                    String.format(
                                        Locale.ROOT,
                                        "%s %d/%d, db %d/%d",
                                        p.budget(),
                                        p.podMax(),
                                        p.podLimit(),
                                        p.databaseMax(),
                                        p.databaseLimit()))
                            .collect(Collectors.joining("; ")),
                        s.convergenceMillis() < 0
                            ? "no"
                            : String.format(Locale.ROOT, "%.1f s", s.convergenceMillis() / 1000.0),
                        s.faults().entrySet().stream()
                            .map(
                                e ->
                                    e.getKey().name().toLowerCase(Locale.ROOT).replace('_', '-')
                                        + " "
                                        + e.getValue())
                            .collect(Collectors.joining(", "))))
            .collect(Collectors.joining("\n"))
        + "\n";
  }

  private static String format(Duration d) {
    return String.format(Locale.ROOT, "%dm%02ds", d.toMinutes(), d.toSecondsPart());
  }
}
