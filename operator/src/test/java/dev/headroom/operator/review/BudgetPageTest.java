package dev.headroom.operator.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.operator.api.v1alpha1.ConnectionBudget;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BudgetPageTest {

  private static final Instant T0 = Instant.parse("2026-12-05T08:00:00Z");

  private static ConnectionBudget budget() {
    return Serialization.unmarshal(
        """
        apiVersion: headroom.dev/v1alpha1
        kind: ConnectionBudget
        metadata: {name: postgres, namespace: shop}
        spec: {maxConnections: 100, reserved: 10}
        status:
          available: 90
          allocated: 90
          headroom: 0
          inUseBound: 84
          observedConnections: 61
          conditions:
          - {type: Breached, status: "False", reason: WithinBudget, message: ok, lastTransitionTime: "2026-12-05T08:00:00Z"}
          consumers:
          - {policy: shop/checkout, phase: Shrinking, priority: 10, minimum: 4, demand: 160, grant: 60, held: 70, inUseBound: 70, replicas: 9, poolSize: 6}
          - {policy: shop/<b>stock</b>, phase: Stable, priority: 5, minimum: 4, demand: 40, grant: 30, held: 30, inUseBound: 14, replicas: 3, poolSize: 4}
        """,
        ConnectionBudget.class);
  }

  @Test
  void listsEveryConsumerAndStacksThemAgainstWhatIsAvailable() {
    Map<String, List<DecisionEntry>> rounds = new LinkedHashMap<>();
    rounds.put(
        "shop/checkout", List.of(Entries.round("shop", "checkout", T0, 4, 4, "none", List.of())));
    rounds.put(
        "shop/stock",
        List.of(Entries.round("shop", "stock", T0.plusSeconds(5), 2, 2, "none", List.of())));

    String html = BudgetPage.render(budget(), rounds, T0.plusSeconds(30));

    assertThat(html)
        .contains("<tr class=\"consumer\"><td><a href=\"/headroom/policies/shop/checkout\">")
        .contains("Shrinking")
        .contains(">61<")
        .contains("available 90");
    assertThat(html)
        .contains("data-consumer=\"shop/checkout\"")
        .contains("data-consumer=\"shop/stock\"");
    assertThat(html).doesNotContain("<b>stock</b>").contains("shop/&lt;b&gt;stock&lt;/b&gt;");
  }

  @Test
  void saysWhenThisReplicaHasNoRoundsOfTheBudget() {
    String html = BudgetPage.render(budget(), Map.of(), T0);

    assertThat(html)
        .contains("has not decided for the consumers of this budget")
        .doesNotContain("class=\"layer\"");
  }
}
