package dev.headroom.operator.review;

import dev.headroom.operator.api.v1alpha1.ConnectionBudget;
import dev.headroom.operator.api.v1alpha1.PolicyMode;
import dev.headroom.operator.api.v1alpha1.ScalingPolicy;
import java.util.Comparator;
import java.util.List;

/** Every policy and budget, linking to their pages. */
final class IndexPage {

  private IndexPage() {}

  static String render(List<ScalingPolicy> policies, List<ConnectionBudget> budgets) {
    StringBuilder b = new StringBuilder("<h1>Headroom decisions</h1>");
    b.append(
        "<h2>ConnectionBudgets</h2><table class=\"budgets\"><tr><th>budget</th><th>granted</th>"
            + "<th>available</th><th>headroom</th><th>consumers</th></tr>");
    budgets.stream()
        .sorted(Comparator.comparing(IndexPage::id))
        .forEach(
            cb -> {
              var s = cb.getStatus();
              b.append("<tr><td><a href=\"/headroom/budgets/")
                  .append(Html.escape(id(cb)))
                  .append("\">")
                  .append(Html.escape(id(cb)))
                  .append("</a></td>")
                  .append(PolicyPage.td(s == null ? null : s.getAllocated()))
                  .append(PolicyPage.td(s == null ? null : s.getAvailable()))
                  .append(PolicyPage.td(s == null ? null : s.getHeadroom()))
                  .append(PolicyPage.td(s == null ? null : s.getConsumerCount()))
                  .append("</tr>");
            });
    b.append(
        "</table><h2>ScalingPolicies</h2><table class=\"policies\"><tr><th>policy</th><th>mode</th>"
            + "<th>replicas</th><th>desired</th><th>pool</th><th>won</th><th>limited by</th><th>ready</th></tr>");
    policies.stream()
        .sorted(Comparator.comparing(IndexPage::id))
        .forEach(
            sp -> {
              var s = sp.getStatus();
              b.append("<tr><td><a href=\"/headroom/policies/")
                  .append(Html.escape(id(sp)))
                  .append("\">")
                  .append(Html.escape(id(sp)))
                  .append("</a></td><td>")
                  .append(sp.getSpec().getMode() == PolicyMode.DRY_RUN ? "DryRun" : "Enforce")
                  .append("</td>")
                  .append(PolicyPage.td(s == null ? null : s.getCurrentReplicas()))
                  .append(PolicyPage.td(s == null ? null : s.getDesiredReplicas()))
                  .append(PolicyPage.td(s == null ? null : s.getPoolSize()))
                  .append("<td>")
                  .append(Html.escape(s == null ? null : s.getWinner()))
                  .append("</td><td>")
                  .append(Html.escape(s == null ? null : s.getLimitedBy()))
                  .append("</td><td>")
                  .append(Html.escape(s == null ? "" : PolicyPage.ready(s.getConditions())))
                  .append("</td></tr>");
            });
    b.append("</table>");
    return PageLayout.page("decisions", b.toString());
  }

  private static String id(io.fabric8.kubernetes.api.model.HasMetadata r) {
    return r.getMetadata().getNamespace() + "/" + r.getMetadata().getName();
  }
}
