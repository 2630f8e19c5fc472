package dev.headroom.engine.port;

import dev.headroom.engine.model.Decision;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Default {@link DecisionRecorder}: keeps the last {@code limit} decisions per policy. */
public final class InMemoryDecisionRecorder implements DecisionRecorder {

  private final int limit;
  private final Map<String, Deque<Decision>> decisions = new HashMap<>();

  public InMemoryDecisionRecorder(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1, got " + limit);
    }
    this.limit = limit;
  }

  @Override
  public synchronized void record(Decision decision) {
    Deque<Decision> log = decisions.computeIfAbsent(decision.policyId(), id -> new ArrayDeque<>());
    log.addLast(decision);
    while (log.size() > limit) {
      log.removeFirst();
    }
  }

  /** Oldest first. */
  public synchronized List<Decision> decisions(String policyId) {
    return new ArrayList<>(decisions.getOrDefault(policyId, new ArrayDeque<>()));
  }
}
