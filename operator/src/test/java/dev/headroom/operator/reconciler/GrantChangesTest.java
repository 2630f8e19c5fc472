package dev.headroom.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.operator.api.v1alpha1.ConnectionBudget;
import dev.headroom.operator.api.v1alpha1.ConnectionBudgetStatus;
import dev.headroom.operator.api.v1alpha1.ConsumerGrant;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GrantChangesTest {

  private static final Set<ResourceID> EVERYONE =
      Set.of(new ResourceID("a", "shop"), new ResourceID("b", "shop"), new ResourceID("c", "shop"));

  private final GrantChanges changes =
      new GrantChanges(
          id -> {
            assertThat(id).isEqualTo("shop/db");
            return EVERYONE;
          });

  private static ConnectionBudget budget(long generation, Object... policyGrantSeq) {
    ConnectionBudget b = new ConnectionBudget();
    b.setMetadata(
        new ObjectMetaBuilder()
            .withNamespace("shop")
            .withName("db")
            .withGeneration(generation)
            .build());
    ConnectionBudgetStatus status = new ConnectionBudgetStatus();
    for (int i = 0; i < policyGrantSeq.length; i += 3) {
      ConsumerGrant g = new ConsumerGrant();
      g.setPolicy((String) policyGrantSeq[i]);
      g.setGrant((Integer) policyGrantSeq[i + 1]);
      g.setGrantSeq((Long) policyGrantSeq[i + 2]);
      status.getConsumers().add(g);
    }
    b.setStatus(status);
    return b;
  }

  @Test
  void aBudgetSeenForTheFirstTimeWakesEveryPolicyThatRefersToIt() {
    assertThat(changes.toWake(budget(1, "shop/a", 10, 1L))).isEqualTo(EVERYONE);
  }

  @Test
  void aWriteWakesOnlyThePoliciesWhoseGrantOrSequenceChanged() {
    changes.toWake(budget(1, "shop/a", 10, 1L, "shop/b", 20, 1L, "shop/c", 30, 1L));
    assertThat(changes.toWake(budget(1, "shop/a", 10, 1L, "shop/b", 25, 2L, "shop/c", 30, 1L)))
        .containsExactly(new ResourceID("b", "shop"));
    assertThat(changes.toWake(budget(1, "shop/a", 10, 1L, "shop/b", 25, 3L, "shop/c", 30, 1L)))
        .containsExactly(new ResourceID("b", "shop"));
    assertThat(changes.toWake(budget(1, "shop/a", 10, 1L, "shop/b", 25, 3L, "shop/c", 30, 1L)))
        .isEmpty();
  }

  @Test
  void aPolicyNewlyListedOrDroppedIsWoken() {
    changes.toWake(budget(1, "shop/a", 10, 1L));
    assertThat(changes.toWake(budget(1, "shop/a", 10, 1L, "shop/b", 0, 0L)))
        .containsExactly(new ResourceID("b", "shop"));
    assertThat(changes.toWake(budget(1, "shop/b", 0, 0L)))
        .containsExactly(new ResourceID("a", "shop"));
  }

  @Test
  void aSpecChangeWakesEveryone() {
    changes.toWake(budget(1, "shop/a", 10, 1L));
    assertThat(changes.toWake(budget(2, "shop/a", 10, 1L))).isEqualTo(EVERYONE);
  }
}
