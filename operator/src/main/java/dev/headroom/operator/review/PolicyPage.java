package dev.headroom.operator.review;

import dev.headroom.operator.api.v1alpha1.PolicyMode;
import dev.headroom.operator.api.v1alpha1.ScalingPolicy;
import dev.headroom.operator.api.v1alpha1.ScalingPolicyStatus;
import dev.headroom.operator.policy.PolicySpecMapper;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A policy over time: load; requested, desired, current and ready replicas; pool; grant and the
 * connections it may hold; each decision marked on every chart and listed below with the source
 * that won, the limit that capped it and the whole explanation.
 */
final class PolicyPage {

  private PolicyPage() {}

  static String render(ScalingPolicy policy, List<DecisionEntry> rounds, Instant now) {
    ScalingPolicyStatus status =
        policy.getStatus() == null ? new ScalingPolicyStatus() : policy.getStatus();
    String ns = policy.getMetadata().getNamespace();
    String name = policy.getMetadata().getName();
    List<TimelineDecision> decisions = TimelineDecision.merge(rounds, status.getHistory());
    Instant first = now;
    if (!rounds.isEmpty() && rounds.get(0).time().isBefore(first)) {
      first = rounds.get(0).time();
    }
    if (!decisions.isEmpty() && decisions.get(0).time().isBefore(first)) {
      first = decisions.get(0).time();
    }
    TimeChart chart = new TimeChart(TimeChart.startFor(first, now), now);
    List<TimeChart.Marker> markers = new ArrayList<>();
    for (int i = 0; i < decisions.size(); i++) {
      TimelineDecision d = decisions.get(i);
      markers.add(new TimeChart.Marker(i + 1, d.time(), d.winner(), d.limitedBy(), d.title()));
    }

    StringBuilder b = new StringBuilder();
    b.append("<h1>ScalingPolicy ")
        .append(Html.escape(ns))
        .append('/')
        .append(Html.escape(name))
        .append("</h1>");
    b.append("<div class=\"sub\">target ")
        .append(
            Html.escape(
                policy.getSpec().getTargetRef() == null
                    ? ""
                    : policy.getSpec().getTargetRef().getKind()
                        + "/"
                        + policy.getSpec().getTargetRef().getName()))
        .append(" · mode ")
        .append(policy.getSpec().getMode() == PolicyMode.DRY_RUN ? "DryRun" : "Enforce");
    if (policy.getSpec().getConnections() != null) {
      String budget = PolicySpecMapper.budgetId(policy);
      b.append(" · budget <a href=\"/headroom/budgets/")
          .append(Html.escape(budget))
          .append("\">")
          .append(Html.escape(budget))
          .append("</a>");
    }
    b.append("</div>");
    b.append(
            "<table class=\"now\"><tr><th>replicas</th><th>requested</th><th>desired</th><th>pool</th>"
                + "<th>grant</th><th>won</th><th>limited by</th><th>ready</th></tr><tr>")
        .append(td(status.getCurrentReplicas()))
        .append(td(status.getRequestedReplicas()))
        .append(td(status.getDesiredReplicas()))
        .append(td(status.getPoolSize()))
        .append(td(status.getGrant()))
        .append("<td>")
        .append(Html.escape(status.getWinner()))
        .append("</td><td>")
        .append(Html.escape(status.getLimitedBy()))
        .append("</td><td>")
        .append(Html.escape(ready(status.getConditions())))
        .append("</td></tr></table>");

    if (rounds.isEmpty()) {
      b.append(
          "<p class=\"muted\">This replica has not decided for this policy since it started "
              + "(it is not the leader, or just started): the charts below show the decisions recorded "
              + "in status; the leader draws every round.</p>");
    }
    b.append(chart.render("Load", "load", loadSeries(rounds), OptionalDouble.empty(), "", markers));
    Integer max =
        policy.getSpec().getReplicas() == null ? null : policy.getSpec().getReplicas().getMax();
    b.append(
        chart.render(
            "Replicas",
            "replicas",
            List.of(
                series("requested", "#e67e22", rounds, e -> (double) e.requestedReplicas()),
                series("desired", "#2e86de", rounds, e -> (double) e.desiredReplicas()),
                series("current", "#7f8c8d", rounds, e -> (double) e.currentReplicas()),
                series("ready", "#27ae60", rounds, e -> (double) e.readyReplicas())),
            max == null ? OptionalDouble.empty() : OptionalDouble.of(max),
            "max",
            markers));
    if (policy.getSpec().getConnections() != null) {
      b.append(
          chart.render(
              "Pool per replica",
              "pool",
              List.of(
                  series(
                      "decided",
                      "#8e44ad",
                      rounds,
                      e -> e.pool() == null ? null : e.pool().doubleValue()),
                  series(
                      "running",
                      "#7f8c8d",
                      rounds,
                      e -> e.fromPool() == null ? null : e.fromPool().doubleValue())),
              OptionalDouble.empty(),
              "",
              markers));
      b.append(
          chart.render(
              "Connections",
              "connections",
              List.of(
                  series(
                      "grant",
                      "#c0392b",
                      rounds,
                      e -> e.grant() == null ? null : e.grant().doubleValue()),
                  series(
                      "may hold now",
                      "#16a085",
                      rounds,
                      e -> e.inUseBound() == null ? null : e.inUseBound().doubleValue())),
              OptionalDouble.empty(),
              "",
              markers));
    }
    b.append("<h2>Decisions</h2>");
    if (decisions.isEmpty()) {
      b.append("<p class=\"muted\">No decision has changed anything yet.</p>");
    } else {
      b.append(
          "<table class=\"decisions\"><tr><th>#</th><th>time (UTC)</th><th>what</th><th>won</th>"
              + "<th>limited by</th><th>why</th></tr>");
      for (int i = decisions.size() - 1; i >= 0; i--) {
        TimelineDecision d = decisions.get(i);
        b.append("<tr class=\"decision-row\"><td class=\"n\">")
            .append(i + 1)
            .append("</td><td>")
            .append(Html.escape(d.time()))
            .append("</td><td>")
            .append(Html.escape(d.what()))
            .append(d.dryRun() ? " <span class=\"muted\">(dry run)</span>" : "")
            .append("</td><td>")
            .append(Html.escape(d.winner()))
            .append("</td><td>")
            .append(Html.escape(d.limitedBy()))
            .append("</td><td><ul class=\"reasons\">");
        for (String r : d.reasons()) {
          b.append("<li>").append(Html.escape(r)).append("</li>");
        }
        for (String in : d.inputs()) {
          b.append("<li class=\"muted\">").append(Html.escape(in)).append("</li>");
        }
        b.append("</ul></td></tr>");
      }
      b.append("</table>");
    }
    return PageLayout.page("sp " + ns + "/" + name, b.toString());
  }

  private static List<TimeChart.Series> loadSeries(List<DecisionEntry> rounds) {
    TreeSet<String> names = new TreeSet<>();
    rounds.forEach(e -> names.addAll(e.load().keySet()));
    Map<String, TimeChart.Series> out = new LinkedHashMap<>();
    int i = 0;
    for (String n : names) {
      out.put(n, series(n, StackedChart.color(i++), rounds, e -> e.load().get(n)));
    }
    return List.copyOf(out.values());
  }

  private static TimeChart.Series series(
      String name,
      String color,
      List<DecisionEntry> rounds,
      Function<DecisionEntry, Double> value) {
    List<TimeChart.Point> points = new ArrayList<>();
    for (DecisionEntry e : rounds) {
      Double v = value.apply(e);
      if (v != null) {
        points.add(new TimeChart.Point(e.time(), v));
      }
    }
    return new TimeChart.Series(name, color, points);
  }

  static String ready(List<Condition> conditions) {
    return conditions.stream()
        .filter(c -> "Ready".equals(c.getType()))
        .findFirst()
        .map(c -> c.getStatus() + " (" + c.getReason() + ")")
        .orElse("");
  }

  static String td(Object v) {
    return "<td class=\"n\">" + Html.escape(v) + "</td>";
  }
}
