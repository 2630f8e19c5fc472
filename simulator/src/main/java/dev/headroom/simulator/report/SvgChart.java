package dev.headroom.simulator.report;

import dev.headroom.simulator.metrics.ChartData;
import dev.headroom.simulator.sim.BudgetResult;
import dev.headroom.simulator.sim.PolicyResult;
import dev.headroom.simulator.sim.SimulationResult;
import dev.headroom.simulator.sim.StrategyKind;
import java.util.Locale;

/**
 * Inline SVG charts of a run: per policy, demand against the capacity each strategy served and the
 * replicas each ran; per budget, the connections each strategy's consumers may hold against the
 * budget line.
 */
public final class SvgChart {

  static final int WIDTH = 1100;
  static final String DEMAND = "#9aa0a6";
  static final String DEMAND_PEAK = "#aeb3b9";
  static final String[] COLORS = {"#1a73e8", "#e8710a", "#188038"};
  static final String LIMIT = "#d93025";
  private static final String STYLE =
      "<style>"
          + "text{font-family:-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif;fill:#202124}"
          + ".title{font-size:15px;font-weight:600}.legend{font-size:12px}"
          + ".ytick{font-size:11px;text-anchor:end;fill:#5f6368}"
          + ".xtick{font-size:11px;text-anchor:middle;fill:#5f6368}"
          + ".yunit{font-size:11px;text-anchor:middle;fill:#5f6368}"
          + ".limitlabel{font-size:11px;text-anchor:end;fill:#d93025}"
          + ".grid{stroke:#e8eaed;stroke-width:1}.tick{stroke:#9aa0a6}"
          + ".frame{fill:none;stroke:#bdc1c6}"
          + ".limit{stroke:#d93025;stroke-width:1.6;stroke-dasharray:8 4}"
          + "</style>";

  /** Demand, served capacity and replicas of policy {@code index}. */
  public String policy(SimulationResult r, int index) {
    ChartData c = r.chart();
    PolicyResult p = r.policies().get(index);
    long end = r.end().getEpochSecond();
    SvgPanel load =
        new SvgPanel(p.id() + ": demand and served capacity", "requests/s", c.times(), end);
    if (c.bucketSeconds() > p.intervalSeconds()) {
      String per = Fmt.duration(c.bucketSeconds());
      load.add(
          new SvgPanel.Series(
              "demand, peak per " + per, DEMAND_PEAK, true, false, c.rateMax()[index]));
      load.add(
          new SvgPanel.Series("demand, mean per " + per, DEMAND, true, false, c.rateMean()[index]));
    } else {
      load.add(new SvgPanel.Series("demand", DEMAND, true, false, c.rateMean()[index]));
    }
    SvgPanel replicas =
        new SvgPanel(
            p.id() + ": replicas (pods, starting ones included)", "replicas", c.times(), end);
    for (StrategyKind kind : StrategyKind.values()) {
      int s = kind.ordinal();
      boolean dashed = kind == StrategyKind.STATIC_PEAK;
      load.add(
          new SvgPanel.Series(
              kind.label() + " capacity", COLORS[s], false, dashed, c.capacity()[index][s]));
      replicas.add(new SvgPanel.Series(kind.label(), COLORS[s], false, dashed, c.pods()[index][s]));
    }
    int height = 300;
    return svg(
        2 * height, load.render(0, 0, WIDTH, height) + replicas.render(0, height, WIDTH, height));
  }

  /** Connections held against budget {@code index}, with the budget line. */
  public String budget(SimulationResult r, int index) {
    ChartData c = r.chart();
    BudgetResult b = r.budgets().get(index);
    SvgPanel panel =
        new SvgPanel(
            b.id() + ": connections held, Σ (pods + maxSurge) × pool",
            "connections",
            c.times(),
            r.end().getEpochSecond());
    for (StrategyKind kind : StrategyKind.values()) {
      int s = kind.ordinal();
      panel.add(
          new SvgPanel.Series(
              kind.label(),
              COLORS[s],
              false,
              kind == StrategyKind.STATIC_PEAK,
              c.connections()[index][s]));
    }
    panel.limit(b.available(), "budget (maxConnections − reserved)");
    int height = 300;
    return svg(height, panel.render(0, 0, WIDTH, height));
  }

  private static String svg(int height, String body) {
    return String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                + "viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\">",
            WIDTH,
            height,
            WIDTH,
            height)
        + STYLE
        + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
        + body
        + "</svg>";
  }
}
