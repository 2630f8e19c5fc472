package dev.headroom.operator.review;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The recent rounds of every policy, in memory and bounded twice: at most {@code roundsPerPolicy}
 * rounds per policy (the oldest go first) and at most {@code maxPolicies} policies (the one least
 * recently decided goes first). Rounds that changed nothing keep their numbers only. Nothing is
 * written anywhere: the store is what the timeline page draws, the decision log is what lasts.
 */
public final class TimelineStore implements DecisionRecorder {

  private final int roundsPerPolicy;
  private final int maxPolicies;
  private final LinkedHashMap<String, Deque<DecisionEntry>> byPolicy;

  public TimelineStore(int roundsPerPolicy, int maxPolicies) {
    if (roundsPerPolicy < 1 || maxPolicies < 1) {
      throw new IllegalArgumentException(
          "a timeline keeps at least one round of one policy, got "
              + roundsPerPolicy
              + " rounds of "
              + maxPolicies
              + " policies");
    }
    this.roundsPerPolicy = roundsPerPolicy;
    this.maxPolicies = maxPolicies;
    // Access order: the least recently decided policy is the eldest.
    this.byPolicy = new LinkedHashMap<>(16, 0.75f, true);
  }

  @Override
  public synchronized void recorded(DecisionEntry entry) {
    Deque<DecisionEntry> rounds =
        byPolicy.computeIfAbsent(entry.policyId(), k -> new ArrayDeque<>());
    // Only a round that changed something keeps its explanation: the others are drawn, not
    // listed, and the decision log has them whole.
    rounds.addLast(entry.changed() ? entry : entry.numbersOnly(rounds.peekLast()));
    while (rounds.size() > roundsPerPolicy) {
      rounds.removeFirst();
    }
    while (byPolicy.size() > maxPolicies) {
      String eldest = byPolicy.keySet().iterator().next();
      byPolicy.remove(eldest);
    }
  }

  /** The kept rounds of a policy ({@code namespace/name}), oldest first; empty if none. */
  public synchronized List<DecisionEntry> rounds(String policyId) {
    Deque<DecisionEntry> rounds = byPolicy.get(policyId);
    return rounds == null ? List.of() : List.copyOf(rounds);
  }

  /** The kept rounds of every policy that draws on {@code budgetId}, by policy. */
  public synchronized Map<String, List<DecisionEntry>> roundsOfBudget(String budgetId) {
    Map<String, List<DecisionEntry>> out = new LinkedHashMap<>();
    // Iterating the values of an access-ordered map does not reorder it.
    for (Map.Entry<String, Deque<DecisionEntry>> e : byPolicy.entrySet()) {
      if (!e.getValue().isEmpty() && budgetId.equals(e.getValue().peekLast().budget())) {
        out.put(e.getKey(), new ArrayList<>(e.getValue()));
      }
    }
    return out;
  }

  public synchronized int policies() {
    return byPolicy.size();
  }
}
