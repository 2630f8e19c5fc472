package dev.headroom.operator.policy;

import dev.headroom.operator.api.v1alpha1.ScalingPolicy;
import dev.headroom.operator.api.v1alpha1.ScalingPolicyStatus;
import dev.headroom.operator.api.v1alpha1.TimedReplicas;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine's recommendation history between status writes.
 *
 * <p>The HPA keeps its stabilization history in memory only. Headroom keeps it in {@code
 * status.recentRecommendations}, so that a restarted operator or a new leader goes on stabilizing.
 * But every round adds a timestamped entry there, so a policy whose decision did not change would
 * write its status every round just for that: at 10,000 policies and a 15 s sync period, 667 writes
 * a second for nothing a reader could see.
 *
 * <p>So a round whose status differs from the stored one only in its recommendations keeps them
 * here and leaves the status unwritten, provided the stored status is younger than the persist
 * period. The next round continues from the kept recommendations as long as the stored status has
 * not changed since (same resourceVersion); any other change writes everything at once. A new
 * leader reads the stored status and so misses at most one persist period of the newest
 * recommendations (the HPA misses all of them). A zero period writes every round.
 */
public final class RecommendationMemory {

  private record Kept(String basedOn, List<TimedReplicas> recommendations, Instant persistedAt) {}

  private final Map<String, Kept> kept = new ConcurrentHashMap<>();
  private final Duration persistPeriod;

  public RecommendationMemory(Duration persistPeriod) {
    this.persistPeriod = Objects.requireNonNull(persistPeriod, "persistPeriod");
    if (persistPeriod.isNegative()) {
      throw new IllegalArgumentException(
          "headroom.recommendations-persist-period must not be negative, got " + persistPeriod);
    }
  }

  /**
   * Puts the kept recommendations into {@code working}, the copy of {@code stored} a round works
   * on, when they continue the stored status (nothing was written since they were kept).
   */
  public void restore(ScalingPolicy stored, ScalingPolicy working) {
    Kept k = kept.get(MemoryKey.of(stored));
    if (k == null || k.recommendations() == null || working.getStatus() == null) {
      return;
    }
    if (Objects.equals(k.basedOn(), stored.getMetadata().getResourceVersion())) {
      working.getStatus().setRecentRecommendations(List.copyOf(k.recommendations()));
    }
  }

  /**
   * Whether the round's status may stay unwritten: it differs from the stored one in its
   * recommendations only, and the stored status was written less than the persist period ago. When
   * so, the recommendations are kept for the next round.
   */
  public boolean defer(ScalingPolicy stored, ScalingPolicy working, Instant now) {
    if (persistPeriod.isZero() || stored.getStatus() == null || working.getStatus() == null) {
      return false;
    }
    String uid = MemoryKey.of(stored);
    Kept k = kept.get(uid);
    if (k == null || !now.isBefore(k.persistedAt().plus(persistPeriod))) {
      return false;
    }
    if (!withoutRecommendations(stored.getStatus())
        .equals(withoutRecommendations(working.getStatus()))) {
      return false;
    }
    kept.put(
        uid,
        new Kept(
            stored.getMetadata().getResourceVersion(),
            List.copyOf(working.getStatus().getRecentRecommendations()),
            k.persistedAt()));
    return true;
  }

  /** The round's status is stored as it is (written, or found unchanged) at {@code now}. */
  public void persisted(ScalingPolicy policy, Instant now) {
    kept.put(MemoryKey.of(policy), new Kept(null, null, now));
  }

  /** Forgets the policies not in {@code uids} (deleted ones). */
  public void retain(Set<String> uids) {
    kept.keySet().retainAll(uids);
  }

  /** Policies this memory holds an entry for. */
  public int size() {
    return kept.size();
  }

  private static ScalingPolicyStatus withoutRecommendations(ScalingPolicyStatus status) {
    ScalingPolicyStatus copy = status.copy();
    copy.setRecentRecommendations(List.of());
    return copy;
  }
}
