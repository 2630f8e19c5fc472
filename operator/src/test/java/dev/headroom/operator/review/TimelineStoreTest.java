package dev.headroom.operator.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineStoreTest {

  private static final Instant T0 = Instant.parse("2026-12-05T08:00:00Z");

  private static DecisionEntry round(String name, int second) {
    return Entries.round("shop", name, T0.plusSeconds(second), 4, 4, "none", List.of());
  }

  @Test
  void keepsTheNewestRoundsOfAPolicyOldestFirst() {
    TimelineStore store = new TimelineStore(3, 10);
    for (int s = 0; s < 5; s++) {
      store.recorded(round("checkout", s));
    }
    assertThat(store.rounds("shop/checkout"))
        .extracting(DecisionEntry::time)
        .containsExactly(T0.plusSeconds(2), T0.plusSeconds(3), T0.plusSeconds(4));
  }

  @Test
  void dropsThePolicyLeastRecentlyDecidedWhenFull() {
    TimelineStore store = new TimelineStore(3, 2);
    store.recorded(round("a", 0));
    store.recorded(round("b", 1));
    store.recorded(round("a", 2));
    store.recorded(round("c", 3));

    assertThat(store.policies()).isEqualTo(2);
    assertThat(store.rounds("shop/b")).isEmpty();
    assertThat(store.rounds("shop/a")).hasSize(2);
    assertThat(store.rounds("shop/c")).hasSize(1);
  }

  @Test
  void findsThePoliciesOfABudget() {
    TimelineStore store = new TimelineStore(3, 10);
    store.recorded(round("a", 0));
    store.recorded(round("b", 1));

    assertThat(store.roundsOfBudget("shop/postgres")).containsOnlyKeys("shop/a", "shop/b");
    assertThat(store.roundsOfBudget("other/pg")).isEmpty();
  }

  @Test
  void onlyARoundThatChangedSomethingKeepsItsExplanation() {
    TimelineStore store = new TimelineStore(3, 10);
    store.recorded(round("a", 0));
    store.recorded(
        Entries.round("shop", "a", T0.plusSeconds(1), 4, 8, "applied", List.of("replicas 4 → 8")));

    List<DecisionEntry> rounds = store.rounds("shop/a");
    assertThat(rounds.get(0).reasons()).isEmpty();
    assertThat(rounds.get(0).inputs()).isEmpty();
    assertThat(rounds.get(0).load()).containsEntry("requests", 180.0);
    assertThat(rounds.get(0).desiredReplicas()).isEqualTo(4);
    assertThat(rounds.get(1).reasons()).hasSize(2);
    assertThat(rounds.get(1).inputs()).hasSize(1);
  }

  @Test
  void anUnknownPolicyHasNoRounds() {
    assertThat(new TimelineStore(3, 10).rounds("shop/none")).isEmpty();
  }

  @Test
  void refusesABoundBelowOne() {
    assertThatThrownBy(() -> new TimelineStore(0, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one round");
  }
}
