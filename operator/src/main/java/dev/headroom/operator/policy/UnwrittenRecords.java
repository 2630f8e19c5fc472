package dev.headroom.operator.policy;

import dev.headroom.operator.api.v1alpha1.DecisionRecord;
import dev.headroom.operator.api.v1alpha1.ScalingPolicy;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * History entries a round appended but could not store, because its status write met a conflict.
 *
 * <p>A round acts before it writes its status: it may patch the target (or cap an HPA) and then
 * have its status refused with 409 because the policy changed in between. The round that runs again
 * finds the change already made and has nothing to record, so the entry saying why it was made
 * would be lost. The entries are kept here and appended to the next round's history, until a write
 * stores them or the stored history holds them already.
 */
public final class UnwrittenRecords {

  private final Map<String, List<DecisionRecord>> kept = new ConcurrentHashMap<>();

  /** Keeps the entries of {@code working}'s history that {@code stored}'s lacks. */
  public void keep(ScalingPolicy stored, ScalingPolicy working) {
    List<DecisionRecord> added = missingFrom(stored, history(working));
    if (added.isEmpty()) {
      kept.remove(MemoryKey.of(stored));
    } else {
      kept.put(MemoryKey.of(stored), added);
    }
  }

  /**
   * Appends to {@code working}, the copy of {@code stored} a round is about to change, the kept
   * entries that {@code stored} does not hold yet.
   */
  public void restore(ScalingPolicy stored, ScalingPolicy working) {
    List<DecisionRecord> entries = kept.get(MemoryKey.of(stored));
    if (entries == null || working.getStatus() == null) {
      return;
    }
    List<DecisionRecord> missing = missingFrom(stored, entries);
    if (missing.isEmpty()) {
      kept.remove(MemoryKey.of(stored));
      return;
    }
    missing.forEach(r -> PolicyStatusWriter.appendRecord(working, r));
  }

  /** The policy's status was stored as the round left it: nothing is left unwritten. */
  public void stored(ScalingPolicy policy) {
    kept.remove(MemoryKey.of(policy));
  }

  /** Forgets the policies not in {@code uids} (deleted ones). */
  public void retain(Set<String> uids) {
    kept.keySet().retainAll(uids);
  }

  /** Policies with entries waiting to be written. */
  public int size() {
    return kept.size();
  }

  private static List<DecisionRecord> missingFrom(
      ScalingPolicy stored, List<DecisionRecord> entries) {
    List<DecisionRecord> present = history(stored);
    return entries.stream().filter(r -> !present.contains(r)).toList();
  }

  private static List<DecisionRecord> history(ScalingPolicy policy) {
    return policy.getStatus() == null ? List.of() : policy.getStatus().getHistory();
  }
}
