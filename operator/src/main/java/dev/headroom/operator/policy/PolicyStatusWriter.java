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
    List<SourceRecommendation> recs = new ArrayList<>();
    for (Recommendation r : decision.recommendations()) {
      SourceRecommendation s = new SourceRecommendation();
      s.setSource(ApiNames.of(r.source()));
      s.setReplicas(r.replicas());
      s.setDetail(r.reason());
      recs.add(s);
    }
    status.setRecommendations(recs);
    status.setActiveSchedule(decision.activeSchedule().orElse(null));
    writeHistory(status, decision.history());
  }

  /** Appends a history entry, keeping the newest {@code historyLimit}. */
  public static void appendRecord(
      ScalingPolicy policy, DecisionRecord record) {
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

  public static DecisionRecord record(
      Instant now, int fromReplicas, int toReplicas, Integer fromPool, Integer toPool,
      Decision decision, String reason, boolean dryRun) {
    DecisionRecord r = new DecisionRecord();
    r.setTime(now.toString());
    r.setFromReplicas(fromReplicas);
    r.setToReplicas(toReplicas);
    r.setFromPool(fromPool);
    r.setToPool(toPool);
    r.setWinner(ApiNames.of(decision.winner()));
    r.setLimitedBy(ApiNames.of(decision.limitedBy()));
    r.setReason(reason.length() > 512 ? reason.substring(0, 509) + "..." : reason);
    r.setDryRun(dryRun ? Boolean.TRUE : null);
    return r;
  }
}
