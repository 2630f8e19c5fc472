package dev.headroom.simulator.report;

import dev.headroom.simulator.metrics.BudgetMetrics;
import dev.headroom.simulator.metrics.ElasticityMetrics;
import dev.headroom.simulator.sim.BudgetResult;
import dev.headroom.simulator.sim.PolicyResult;
import dev.headroom.simulator.sim.SimulationResult;
import dev.headroom.simulator.sim.StrategyKind;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A self-contained HTML page: settings, the comparison tables, inline SVG charts, the metric
 * definitions in short, notes and trace credits. No scripts, no external resources.
 */
public final class HtmlReport {

  private final SvgChart charts = new SvgChart();

  public String render(SimulationResult r) {
    StringBuilder out = new StringBuilder();
    out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>Headroom simulation: ")
        .append(esc(r.title()))
        .append("</title>")
        .append(
            "<style>body{font-family:-apple-system,'Segoe UI',Roboto,'DejaVu Sans',"
                + "sans-serif;margin:24px auto;max-width:1140px;color:#202124;padding:0 16px}"
                + "h1{font-size:22px}h2{font-size:18px;margin-top:32px}"
                + "table{border-collapse:collapse;margin:8px 0 16px}"
                + "th,td{padding:4px 10px;border-bottom:1px solid #e8eaed;text-align:right;"
                + "font-variant-numeric:tabular-nums}th:first-child,td:first-child{text-align:left}"
                + "th{background:#f1f3f4}.meta{color:#5f6368}svg{max-width:100%;height:auto}"
                + "dt{font-weight:600;margin-top:6px}</style></head><body>\n");
    out.append("<h1>Headroom simulation: ").append(esc(r.title())).append("</h1>\n");
    out.append("<p class=\"meta\">")
        .append(esc(TerminalReport.summary(r)))
        .append("<br>")
        .append(esc(TerminalReport.settings(r.settings(), r.stepSeconds())))
        .append("</p>\n");
    for (int i = 0; i < r.policies().size(); i++) {
      PolicyResult p = r.policies().get(i);
      out.append("<h2>Policy ")
          .append(esc(p.id()))
          .append("</h2>\n<p class=\"meta\">")
          .append(esc(TerminalReport.policyLine(p)))
          .append("</p>\n");
      out.append(elasticity(p.strategies()));
      out.append(charts.policy(r, i)).append('\n');
    }
    for (int b = 0; b < r.budgets().size(); b++) {
      BudgetResult budget = r.budgets().get(b);
      out.append("<h2>Budget ")
          .append(esc(budget.id()))
          .append("</h2>\n<p class=\"meta\">")
          .append("maxConnections ")
          .append(budget.maxConnections())
          .append(", reserved ")
          .append(budget.reserved())
          .append(": limit ")
          .append(budget.available())
          .append("; consumers ")
          .append(esc(String.join(", ", budget.consumers())))
          .append("</p>\n");
      out.append(budgetTable(budget.strategies(), budget.available()));
      out.append(charts.budget(r, b)).append('\n');
    }
    if (r.policies().size() > 1) {
      out.append("<h2>Whole run (policies pooled)</h2>\n").append(elasticity(r.totals()));
    }
    out.append(definitions());
    if (!r.notes().isEmpty()) {
      out.append("<h2>Notes</h2><ul>");
      r.notes().forEach(n -> out.append("<li>").append(esc(n)).append("</li>"));
      out.append("</ul>\n");
    }
    Set<String> credits = new LinkedHashSet<>();
    r.policies().forEach(p -> TraceCredits.forSource(p.traceSource()).ifPresent(credits::add));
    if (!credits.isEmpty()) {
      out.append("<h2>Trace sources</h2><ul>");
      credits.forEach(c -> out.append("<li>").append(esc(c)).append("</li>"));
      out.append("</ul>\n");
    }
    out.append("</body></html>\n");
    return out.toString();
  }

  private static String elasticity(Map<StrategyKind, ElasticityMetrics> byKind) {
    StringBuilder out = new StringBuilder("<table><tr>");
    for (String h : TerminalReport.HEADER) {
      out.append("<th>").append(esc(h)).append("</th>");
    }
    out.append("<th>unserved req %</th></tr>");
    byKind.forEach(
        (kind, m) ->
            out.append("<tr><td>")
                .append(esc(kind.label()))
                .append("</td>")
                .append(td(Fmt.fixed(m.replicaHours(), 1)))
                .append(td(Fmt.fixed(m.underProvisionedMinutes(), 1)))
                .append(td(Fmt.fixed(m.overProvisionedShare(), 1)))
                .append(td(Fmt.fixed(m.thetaU(), 2)))
                .append(td(Fmt.fixed(m.thetaO(), 2)))
                .append(td(Fmt.fixed(m.tauU(), 2)))
                .append(td(Fmt.fixed(m.tauO(), 2)))
                .append(td(Fmt.fixed(m.instability(), 2)))
                .append(td(Fmt.signed(m.jitterPerHour(), 2)))
                .append(td(Fmt.fixed(m.unservedShare(), 3)))
                .append("</tr>"));
    return out.append("</table>\n").toString();
  }

  private static String budgetTable(Map<StrategyKind, BudgetMetrics> byKind, long limit) {
    StringBuilder out =
        new StringBuilder(
            "<table><tr><th>strategy</th><th>peak connections</th>"
                + "<th>limit</th><th>breach min</th><th>breaches</th><th>most over</th></tr>");
    byKind.forEach(
        (kind, m) ->
            out.append("<tr><td>")
                .append(esc(kind.label()))
                .append("</td>")
                .append(td(Long.toString(m.peakConnections())))
                .append(td(Long.toString(limit)))
                .append(td(Fmt.fixed(m.breachMinutes(), 1)))
                .append(td(Long.toString(m.breaches())))
                .append(td(Long.toString(m.peakExcess())))
                .append("</tr>"));
    return out.append("</table>\n").toString();
  }

  private static String definitions() {
    return "<h2>What the columns mean</h2><dl>"
        + "<dt>demand d, supply s</dt><dd>per simulation step: d = ⌈rate ÷ what one replica"
        + " serves⌉, s = ready replicas (starting pods do not serve)</dd>"
        + "<dt>replica-h</dt><dd>pod-hours, starting pods included</dd>"
        + "<dt>under-prov min</dt><dd>minutes with d &gt; s (demand above served capacity)</dd>"
        + "<dt>over-prov %</dt><dd>share of ready replica-time beyond d</dd>"
        + "<dt>θU, θO</dt><dd>SPEC RG accuracy: mean of (d − s)⁺ ÷ max(d, 1) and of"
        + " (s − d)⁺ ÷ max(d, 1) over time, in percent</dd>"
        + "<dt>τU, τO</dt><dd>SPEC RG time share: percent of time with d &gt; s, s &gt; d</dd>"
        + "<dt>υ</dt><dd>SPEC RG instability: percent of time in which supply and demand do not"
        + " move in the same direction</dd>"
        + "<dt>jitter/h</dt><dd>supply changes minus demand changes per hour: negative lags,"
        + " positive oscillates</dd>"
        + "<dt>connections</dt><dd>Σ over consumers of (pods + maxSurge) × pool; a breach is a"
        + " step above maxConnections − reserved</dd></dl>"
        + "<p class=\"meta\">Precise definitions and sources: docs/simulator.md (Herbst et al.,"
        + " ACM TOMPECS 3(4), 2018; SPEC RG Cloud).</p>\n";
  }

  private static String td(String value) {
    return "<td>" + esc(value) + "</td>";
  }

  private static String esc(String s) {
    return SvgPanel.escape(s);
  }
}
