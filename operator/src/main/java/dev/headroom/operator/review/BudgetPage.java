package dev.headroom.operator.review;

import dev.headroom.operator.api.v1alpha1.ConnectionBudget;
import dev.headroom.operator.api.v1alpha1.ConnectionBudgetStatus;
import dev.headroom.operator.api.v1alpha1.ConsumerGrant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A budget now and over time: who holds its connections (grant, held, may hold, phase) and, from
 * this replica's rounds, each consumer's connections stacked against the limit.
 */
final class BudgetPage {

  private BudgetPage() {}

  static String render(
      ConnectionBudget budget, Map<String, List<DecisionEntry>> roundsByPolicy, Instant now) {
    ConnectionBudgetStatus status =
        budget.getStatus() == null ? new ConnectionBudgetStatus() : budget.getStatus();
    String ns = budget.getMetadata().getNamespace();
    String name = budget.getMetadata().getName();
    int available =
        status.getAvailable() != null
            ? status.getAvailable()
            : budget.getSpec().getMaxConnections() - budget.getSpec().getReserved();
    StringBuilder b = new StringBuilder();
    b.append("<h1>ConnectionBudget ")
        .append(Html.escape(ns))
        .append('/')
        .append(Html.escape(name))
        .append("</h1><div class=\"sub\">max ")
        .append(budget.getSpec().getMaxConnections())
        .append(" · reserved ")
        .append(budget.getSpec().getReserved())
        .append(" · available ")
        .append(available)
        .append("</div>");
    b.append(
            "<table class=\"now\"><tr><th>granted</th><th>headroom</th><th>may be held now</th>"
                + "<th>measured in use</th><th>Ready</th><th>Breached</th><th>Overcommitted</th></tr><tr>")
        .append(PolicyPage.td(status.getAllocated()))
        .append(PolicyPage.td(status.getHeadroom()))
        .append(PolicyPage.td(status.getInUseBound()))
        .append(
            PolicyPage.td(
                status.getObservedConnections() == null
                    ? "not measured"
                    : status.getObservedConnections()))
        .append(condition(status, "Ready", false))
        .append(condition(status, "Breached", true))
        .append(condition(status, "Overcommitted", true))
        .append("</tr></table>");

    b.append(
        "<h2>Consumers</h2><table class=\"consumers\"><tr><th>policy</th><th>phase</th>"
            + "<th>priority</th><th>minimum</th><th>demand</th><th>grant</th><th>held</th>"
            + "<th>may hold now</th><th>replicas × pool</th></tr>");
    for (ConsumerGrant g : status.getConsumers()) {
      b.append("<tr class=\"consumer\"><td><a href=\"/headroom/policies/")
          .append(Html.escape(g.getPolicy()))
          .append("\">")
          .append(Html.escape(g.getPolicy()))
          .append("</a></td><td>")
          .append(Html.escape(phase(g)))
          .append("</td>")
          .append(PolicyPage.td(g.getPriority()))
          .append(PolicyPage.td(g.getMinimum()))
          .append(PolicyPage.td(g.getDemand()))
          .append(PolicyPage.td(g.getGrant()))
          .append(PolicyPage.td(g.getHeld()))
          .append(PolicyPage.td(g.getInUseBound()))
          .append("<td class=\"n\">")
          .append(Html.escape(g.getReplicas()))
          .append(" × ")
          .append(Html.escape(g.getPoolSize()))
          .append("</td></tr>");
    }
    b.append("</table>");

    Instant from = now;
    List<TimeChart.Series> layers = new ArrayList<>();
    int i = 0;
    for (Map.Entry<String, List<DecisionEntry>> e : roundsByPolicy.entrySet()) {
      List<TimeChart.Point> points = new ArrayList<>();
      for (DecisionEntry round : e.getValue()) {
        if (round.inUseBound() != null) {
          points.add(new TimeChart.Point(round.time(), round.inUseBound()));
          if (round.time().isBefore(from)) {
            from = round.time();
          }
        }
      }
      layers.add(new TimeChart.Series(e.getKey(), StackedChart.color(i++), points));
    }
    b.append("<h2>Connections over time</h2>");
    if (layers.isEmpty()) {
      b.append(
          "<p class=\"muted\">This replica has not decided for the consumers of this budget "
              + "since it started (it is not the leader, or just started); the table above is live.</p>");
    }
    b.append(
        new StackedChart(TimeChart.startFor(from, now), now)
            .render(
                "Connections each consumer may hold, stacked, against what is available",
                layers,
                available,
                "available"));
    return PageLayout.page("cb " + ns + "/" + name, b.toString());
  }

  /** The phase as the API spells it: Stable, Shrinking, Growing, Waiting. */
  private static String phase(ConsumerGrant g) {
    if (g.getPhase() == null) {
      return "";
    }
    String n = g.getPhase().name();
    return n.charAt(0) + n.substring(1).toLowerCase(java.util.Locale.ROOT);
  }

  private static String condition(ConnectionBudgetStatus status, String type, boolean trueIsBad) {
    String value =
        status.getConditions().stream()
            .filter(c -> type.equals(c.getType()))
            .findFirst()
            .map(c -> c.getStatus())
            .orElse("");
    String css = "True".equals(value) == trueIsBad ? "true" : "ok";
    return "<td class=\""
        + (value.isEmpty() ? "muted" : css)
        + "\">"
        + Html.escape(value)
        + "</td>";
  }
}
