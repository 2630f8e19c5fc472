package dev.headroom.operator.policy;

import dev.headroom.engine.model.Decision;
import dev.headroom.engine.model.Recommendation;
import dev.headroom.engine.model.ScaleEvent;
import dev.headroom.engine.model.ScalingHistory;
import dev.headroom.engine.model.TimestampedRecommendation;
import dev.headroom.operator.api.v1alpha1.DecisionRecord;
import dev.headroom.operator.api.v1alpha1.ScaleEventRecord;
import dev.headroom.operator.api.v1alpha1.ScalingPolicy;
import dev.headroom.operator.api.v1alpha1.ScalingPolicyStatus;
import dev.headroom.operator.api.v1alpha1.SourceRecommendation;
import dev.headroom.operator.api.v1alpha1.TimedReplicas;
import dev.headroom.operator.status.ApiNames;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Writes a decision, and what was done about it, into a policy's status. */
public final class PolicyStatusWriter {

  public static final int DEFAULT_HISTORY_LIMIT = 20;

  private PolicyStatusWriter() {}

  /** The engine's memory (stabilization, rate policies) as stored in status. */
  public static ScalingHistory history(ScalingPolicyStatus status) {
    if (status == null) {
      return ScalingHistory.empty();
    }
    List<TimestampedRecommendation> recs = new ArrayList<>();
    for (TimedReplicas r : status.getRecentRecommendations()) {
      recs.add(new TimestampedRecommendation(r.getReplicas(), Instant.parse(r.getTime())));
    }
    List<ScaleEvent> up = new ArrayList<>();
    List<ScaleEvent> down = new ArrayList<>();
    for (ScaleEventRecord e : status.getRecentScaleEvents()) {
      // The engine keeps magnitudes per direction; status keeps the sign.
      ScaleEvent event = new ScaleEvent(Math.abs(e.getChange()), Instant.parse(e.getTime()));
      (e.getChange() > 0 ? up : down).add(event);
    }
    return new ScalingHistory(recs, up, down);
  }

  public static void writeHistory(ScalingPolicyStatus status, ScalingHistory history) {
    List<TimedReplicas> recs = new ArrayList<>();
    for (TimestampedRecommendation r : history.recommendations()) {
      TimedReplicas t = new TimedReplicas();
      t.setTime(r.timestamp().toString());
      t.setReplicas(r.replicas());
      recs.add(t);
    }
    status.setRecentRecommendations(recs);
    List<ScaleEventRecord> events = new ArrayList<>();
    for (ScaleEvent e : history.scaleUpEvents()) {
      events.add(event(e, 1));
    }
    for (ScaleEvent e : history.scaleDownEvents()) {
      events.add(event(e, -1));
    }
    events.sort(java.util.Comparator.comparing(ScaleEventRecord::getTime));
    status.setRecentScaleEvents(events);
  }

  private static ScaleEventRecord event(ScaleEvent e, int sign) {
    ScaleEventRecord r = new ScaleEventRecord();
    r.setTime(e.timestamp().toString());
    r.setChange(sign * e.replicaChange());
    return r;
  }

  public static void writeDecision(ScalingPolicyStatus status, Decision decision) {
    status.setDesiredReplicas(decision.desiredReplicas());
    status.setPoolSize(decision.poolSize().isPresent() ? decision.poolSize().getAsInt() : null);
    status.setWinner(ApiNames.of(decision.winner()));
    status.setLimitedBy(ApiNames.of(decision.limitedBy()));
    // Live load values stay out of status: a load moving within the tolerance band would
    // otherwise rewrite the status every round. History entries keep the full sentences.
    status.setRecommendations(sourceRecommendations(decision, Recommendation::summary));
    status.setActiveSchedule(decision.activeSchedule().orElse(null));
    writeHistory(status, decision.history());
  }

  private static List<SourceRecommendation> sourceRecommendations(
      Decision decision, Function<Recommendation, String> detail) {
    List<SourceRecommendation> recs = new ArrayList<>();
    for (Recommendation r : decision.recommendations()) {
      SourceRecommendation s = new SourceRecommendation();
      s.setSource(ApiNames.of(r.source()));
      s.setReplicas(r.replicas());
      s.setDetail(detail.apply(r));
      recs.add(s);
    }
    return recs;
  }

  /** Appends a history entry, keeping the newest {@code historyLimit}. */
  public static void appendRecord(ScalingPolicy policy, DecisionRecord record) {
    ScalingPolicyStatus status = policy.getStatus();
    List<DecisionRecord> history = new ArrayList<>(status.getHistory());
    history.add(record);
    Integer limit = policy.getSpec().getHistoryLimit();
    int keep = limit == null ? DEFAULT_HISTORY_LIMIT : limit;
    while (history.size() > keep) {
      history.remove(0);
    }
    status.setHistory(history);
  }

  /**
   * A history entry: {@code reason} says in one line what was done, {@code actions} what was
   * written; the engine's whole explanation and every source's recommendation are kept as they are,
   * so nothing is shortened.
   */
  public static DecisionRecord record(
      Instant now,
      int fromReplicas,
      int toReplicas,
      Integer fromPool,
      Integer toPool,
      Decision decision,
      String reason,
      List<String> actions,
      boolean dryRun) {
    DecisionRecord r = new DecisionRecord();
    r.setTime(now.toString());
    r.setFromReplicas(fromReplicas);
    r.setToReplicas(toReplicas);
    r.setFromPool(fromPool);
    r.setToPool(toPool);
    r.setWinner(ApiNames.of(decision.winner()));
    r.setLimitedBy(ApiNames.of(decision.limitedBy()));
    r.setReason(reason);
    r.setActions(new ArrayList<>(actions));
    r.setReasons(new ArrayList<>(decision.reasons()));
    r.setInputs(sourceRecommendations(decision, Recommendation::reason));
    r.setDryRun(dryRun ? Boolean.TRUE : null);
    return r;
  }

  /**
   * The entry for a change nobody recorded, if the target runs other replicas or another pool than
   * the last entry says (or, without entries, other replicas than the last written status said).
   * Dry-run entries describe what would have been done, so they explain nothing.
   */
  public static java.util.Optional<DecisionRecord> unexplainedChange(
      List<DecisionRecord> history,
      Integer writtenReplicas,
      int replicas,
      Integer pool,
      Instant now) {
    Integer lastReplicas;
    Integer lastPool;
    if (history.isEmpty()) {
      lastReplicas = writtenReplicas;
      lastPool = null;
    } else {
      DecisionRecord last = history.get(history.size() - 1);
      if (Boolean.TRUE.equals(last.getDryRun())) {
        return java.util.Optional.empty();
      }
      lastReplicas = last.getToReplicas();
      lastPool = last.getToPool();
    }
    boolean replicasDiffer = lastReplicas != null && lastReplicas != replicas;
    boolean poolDiffers = lastPool != null && pool != null && !lastPool.equals(pool);
    if (!replicasDiffer && !poolDiffers) {
      return java.util.Optional.empty();
    }
    DecisionRecord r = new DecisionRecord();
    r.setTime(now.toString());
    r.setFromReplicas(lastReplicas == null ? replicas : lastReplicas);
    r.setToReplicas(replicas);
    r.setFromPool(lastPool == null ? pool : lastPool);
    r.setToPool(pool);
    r.setReason(
        "found, not decided in this round: the target runs "
            + replicas
            + " replicas"
            + (pool == null ? "" : ", pool " + pool)
            + ", which no entry explains (an earlier round's"
            + " status write was lost, or the target was changed outside Headroom)");
    return java.util.Optional.of(r);
  }
}
