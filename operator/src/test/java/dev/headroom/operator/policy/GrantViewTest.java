package dev.headroom.operator.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.operator.api.v1alpha1.ConnectionBudget;
import dev.headroom.operator.api.v1alpha1.ConnectionBudgetStatus;
import dev.headroom.operator.api.v1alpha1.ConsumerGrant;
import org.junit.jupiter.api.Test;

class GrantViewTest {

  private static ConnectionBudget budgetWith(long seq, int grant) {
    ConsumerGrant g = new ConsumerGrant();
    g.setPolicy("shop/api");
    g.setGrant(grant);
    g.setGrantSeq(seq);
    ConnectionBudgetStatus status = new ConnectionBudgetStatus();
    status.getConsumers().add(g);
    ConnectionBudget budget = new ConnectionBudget();
    budget.setStatus(status);
    return budget;
  }

  @Test
  void aConsumerListedBeforeAnyGrantWasIssuedHasNoGrant() {
    assertThat(GrantView.of(budgetWith(0, 0), "shop/api")).isEmpty();
  }

  @Test
  void anIssuedGrantIsObeyedEvenWhenItIsZero() {
    assertThat(GrantView.of(budgetWith(3, 0), "shop/api")).contains(new GrantView(0, 3));
    assertThat(GrantView.of(budgetWith(1, 40), "shop/api")).contains(new GrantView(40, 1));
  }

  @Test
  void otherPoliciesGrantsAreNotMine() {
    assertThat(GrantView.of(budgetWith(1, 40), "shop/other")).isEmpty();
  }
}
