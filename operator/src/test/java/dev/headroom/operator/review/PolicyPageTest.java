package dev.headroom.operator.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.operator.api.v1alpha1.DecisionRecord;
import dev.headroom.operator.api.v1alpha1.ScalingPolicy;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyPageTest {

  private static final Instant T0 = Instant.parse("2026-12-05T08:00:00Z");

  private static ScalingPolicy policy() {
    return Serialization.unmarshal(
        """
        apiVersion: headroom.dev/v1alpha1
        kind: ScalingPolicy
        metadata: {name: checkout, namespace: shop}
        spec:
          targetRef: {apiVersion: apps/v1, kind: Deployment, name: checkout}
          replicas: {min: 1, max: 40}
          load:
            signals:
            - {name: requests, query: 'sum(rate(x[1m]))', type: Value, target: 25}
          connections:
            budgetRef: {name: postgres}
            poolSize: {min: 5, max: 20}
            delivery: {type: Env, container: app, envName: DB_POOL_SIZE}
        """,
        ScalingPolicy.class);
  }

  @Test
  void marksEveryDecisionThatChangedSomethingOnEveryChart() {
    List<DecisionEntry> rounds =
        List.of(
            Entries.round("shop", "checkout", T0, 4, 4, "none", List.of()),
            Entries.round(
                "shop", "checkout", T0.plusSeconds(15), 4, 8, "applied", List.of("replicas 4 → 8")),
            Entries.round("shop", "checkout", T0.plusSeconds(30), 8, 8, "none", List.of()));

    String html = PolicyPage.render(policy(), rounds, T0.plusSeconds(45));

    assertThat(html)
        .contains("<svg class=\"chart replicas\"")
        .contains("<svg class=\"chart load\"")
        .contains("<svg class=\"chart pool\"")
        .contains("<svg class=\"chart connections\"");
    // One marker per chart (4 charts), each for the applied round.
    assertThat(
            html.split(
                "class=\"decision\" data-number=\"1\" data-time=\"2026-12-05T08:00:15Z\"", -1))
        .hasSize(5);
    assertThat(html).doesNotContain("data-number=\"2\"");
    assertThat(html)
        .contains("replicas 4 → 8")
        .contains("budget grants 90 connections")
        .contains("href=\"/headroom/budgets/shop/postgres\"");
  }

  @Test
  void showsWhatStatusRecordsWhenThisReplicaDecidedNothing() {
    ScalingPolicy p = policy();
    DecisionRecord r = new DecisionRecord();
    r.setTime("2026-12-05T07:59:00Z");
    r.setReason("replicas 2 → 4");
    r.setWinner("Reactive");
    r.setLimitedBy("None");
    r.setReasons(List.of("reactive: requests 90 / 25 per replica -> 4"));
    p.getStatus().getHistory().add(r);

    String html = PolicyPage.render(p, List.of(), T0);

    assertThat(html)
        .contains("has not decided for this policy since it started")
        .contains("data-time=\"2026-12-05T07:59:00Z\"")
        .contains("reactive: requests 90 / 25 per replica -&gt; 4");
  }

  @Test
  void escapesWhatComesFromTheCluster() {
    ScalingPolicy p = policy();
    DecisionRecord r = new DecisionRecord();
    r.setTime("2026-12-05T07:59:00Z");
    r.setReason("<script>alert(1)</script>");
    r.setWinner("\"><img src=x>");
    p.getStatus().getHistory().add(r);

    String html = PolicyPage.render(p, List.of(), T0);

    assertThat(html)
        .doesNotContain("<script>")
        .doesNotContain("<img")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .contains("&quot;&gt;&lt;img src=x&gt;");
  }
}
