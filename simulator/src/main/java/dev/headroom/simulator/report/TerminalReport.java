package dev.headroom.simulator.report;

import dev.headroom.engine.model.ApiDurations;
import dev.headroom.simulator.metrics.BudgetMetrics;
import dev.headroom.simulator.metrics.ElasticityMetrics;
import dev.headroom.simulator.sim.BudgetResult;
import dev.headroom.simulator.sim.PolicyResult;
import dev.headroom.simulator.sim.SimulationResult;
import dev.headroom.simulator.sim.SimulationSettings;
import dev.headroom.simulator.sim.StrategyKind;
import java.util.Map;

/** The comparison tables printed to the terminal. */
public final class TerminalReport {

  static final String[] HEADER = {
    "strategy",
    "replica-h",
    "under-prov min",
    "over-prov %",
    "θU %",
    "θO %",
    "τU %",
    "τO %",
    "υ %",
    "jitter/h"
  };

  public String render(SimulationResult r) {
    StringBuilder out = new StringBuilder();
    out.append("Headroom simulation: ").append(r.title()).append('\n');
    out.append("  ").append(summary(r)).append('\n');
    out.append("  ").append(settings(r.settings(), r.stepSeconds())).append("\n\n");
    for (PolicyResult p : r.policies()) {
      out.append("policy ").append(p.id()).append('\n');
      out.append("  ").append(policyLine(p)).append('\n');
      out.append(elasticity(p.strategies()).render("  ")).append('\n');
    }
    for (BudgetResult b : r.budgets()) {
      out.append("budget ")
          .append(b.id())
          .append(": maxConnections ")
          .append(b.maxConnections())
          .append(", reserved ")
          .append(b.reserved())
          .append(", limit ")
          .append(b.available())
          .append(" (consumers: ")
          .append(String.join(", ", b.consumers()))
          .append(")\n");
      out.append(budget(b.strategies(), b.available()).render("  ")).append('\n');
    }
    if (r.policies().size() > 1) {
      out.append("whole run (").append(r.policies().size()).append(" policies pooled)\n");
      out.append(elasticity(r.totals()).render("  ")).append('\n');
    }
    for (String note : r.notes()) {
      out.append("note: ").append(note).append('\n');
    }
    return out.toString();
  }

  static String summary(SimulationResult r) {
    return r.policies().size()
        + (r.policies().size() == 1 ? " policy, " : " policies, ")
        + r.budgets().size()
        + (r.budgets().size() == 1 ? " budget; " : " budgets; ")
        + Fmt.minute(r.start())
        + " to "
        + Fmt.minute(r.end())
        + " ("
        + Fmt.duration(r.end().getEpochSecond() - r.start().getEpochSecond())
        + ")";
  }

  static String settings(SimulationSettings s, long step) {
    return "start-up "
        + ApiDurations.format(s.startupDelay())
        + ", metric delay "
        + ApiDurations.format(s.metricDelay())
        + ", metric window "
        + ApiDurations.format(s.metricWindow())
        + ", reconcile every "
        + ApiDurations.format(s.reconcileInterval())
        + ", step "
        + Fmt.duration(step)
        + ", baseline pool "
        + (s.baselinePool().isPresent()
            ? Integer.toString(s.baselinePool().getAsInt())
            : "poolSize.max")
        + (s.capacityFactor() == 1.0
            ? ""
            : ", a replica serves " + Fmt.number(s.capacityFactor()) + " x its target");
  }

  static String policyLine(PolicyResult p) {
    return "trace "
        + p.traceSource()
        + ": "
        + p.rows()
        + " x "
        + Fmt.duration(p.intervalSeconds())
        + ", peak "
        + Fmt.fixed(p.peakRate(), 1)
        + " req/s; a replica serves "
        + Fmt.number(p.perReplicaCapacity())
        + " req/s; replicas "
        + p.minReplicas()
        + ".."
        + p.maxReplicas()
        + "; static peak "
        + p.staticReplicas()
        + p.budgetId().map(b -> "; budget " + b).orElse("");
  }

  static Table elasticity(Map<StrategyKind, ElasticityMetrics> byKind) {
    Table t = new Table(HEADER);
    byKind.forEach(
        (kind, m) ->
            t.row(
                kind.label(),
                Fmt.fixed(m.replicaHours(), 1),
                Fmt.fixed(m.underProvisionedMinutes(), 1),
                Fmt.fixed(m.overProvisionedShare(), 1),
                Fmt.fixed(m.thetaU(), 2),
                Fmt.fixed(m.thetaO(), 2),
                Fmt.fixed(m.tauU(), 2),
                Fmt.fixed(m.tauO(), 2),
                Fmt.fixed(m.instability(), 2),
                Fmt.signed(m.jitterPerHour(), 2)));
    return t;
  }

  static Table budget(Map<StrategyKind, BudgetMetrics> byKind, long limit) {
    Table t =
        new Table("strategy", "peak connections", "limit", "breach min", "breaches", "most over");
    byKind.forEach(
        (kind, m) ->
            t.row(
                kind.label(),
                Long.toString(m.peakConnections()),
                Long.toString(limit),
                Fmt.fixed(m.breachMinutes(), 1),
                Long.toString(m.breaches()),
                Long.toString(m.peakExcess())));
    return t;
  }
}
