package dev.headroom.engine.port;

import dev.headroom.engine.model.ScalingHistory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Default {@link HistoryStore}: a map in memory, lost on restart. */
public final class InMemoryHistoryStore implements HistoryStore {

  private final Map<String, ScalingHistory> histories = new ConcurrentHashMap<>();

  @Override
  public ScalingHistory load(String policyId) {
    return histories.getOrDefault(policyId, ScalingHistory.empty());
  }

  @Override
  public void store(String policyId, ScalingHistory history) {
    histories.put(policyId, history);
  }
}
