package dev.headroom.operator.policy;

import dev.headroom.operator.api.v1alpha1.ScalingPolicy;
import dev.headroom.operator.api.v1alpha1.ScalingPolicyStatus;
import dev.headroom.operator.api.v1alpha1.TimedReplicas;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
 * period (one hour by default). The next round continues from the kept recommendations as long as
 * the stored status has not changed since (same resourceVersion); any other change writes
 * everything at once. A zero period writes every round.
 *
 * <p>A new leader (or a restarted operator) reads the stored status, which may lack the newest
 * entries. So, as the HPA does when it first meets a workload, its first round on a policy adds the
 * stored decision ({@code status.desiredReplicas}) as recommended at that moment: the last decision
 * then holds for one stabilization window after a failover, and a load that fell meanwhile is not
 * followed by a scale-down the lost entries would have held back. A steady policy's rounds thus
 * write nothing, however long it stays steady (a 5-minute resync at 10,000 policies would otherwise
 * be 33 status writes a second).
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
   * on, when they continue the stored status (nothing was written since they were kept). On the
   * first round this process runs for the policy, adds the stored decision as recommended {@code
   * now} instead, and counts the stored status as persisted {@code now}.
   */
  public void restore(ScalingPolicy stored, ScalingPolicy working, Instant now) {
    ScalingPolicyStatus status = working.getStatus();
    if (status == null) {
      return;
    }
    Kept k = kept.get(MemoryKey.of(stored));
    if (k == null) {
      Integer decided = status.getDesiredReplicas();
      if (decided != null) {
        List<TimedReplicas> seeded = new ArrayList<>(status.getRecentRecommendations());
        TimedReplicas seed = new TimedReplicas();
        seed.setTime(now.toString());
        seed.setReplicas(decided);
        seeded.add(seed);
        status.setRecentRecommendations(seeded);
      }
      persisted(stored, now);
      return;
    }
    if (k.recommendations() != null
        && Objects.equals(k.basedOn(), stored.getMetadata().getResourceVersion())) {
      status.setRecentRecommendations(List.copyOf(k.recommendations()));
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
