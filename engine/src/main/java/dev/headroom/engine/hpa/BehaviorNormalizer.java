package dev.headroom.engine.hpa;

import dev.headroom.engine.model.Behavior;
import dev.headroom.engine.model.FrozenList;
import dev.headroom.engine.model.Limit;
import dev.headroom.engine.model.ScaleEvent;
import dev.headroom.engine.model.ScalingHistory;
import dev.headroom.engine.model.ScalingPolicyRule;
import dev.headroom.engine.model.ScalingRules;
import dev.headroom.engine.model.SelectPolicy;
import dev.headroom.engine.model.TimestampedRecommendation;
import java.time.Instant;
import java.util.List;

/**
 * HPA v2 {@code behavior}: stabilization windows over past recommendations, then Pods/Percent rate
 * policies over past scale events, then the replica bounds; the semantics of {@code
 * normalizeDesiredReplicasWithBehaviors} and its helpers in the Kubernetes HPA controller.
 *
 * <p>Pure: history comes in as a value and goes out updated; time is the caller's {@code now}.
 */
public final class BehaviorNormalizer {

  public static final String DESIRED_WITHIN_RANGE = "DesiredWithinRange";
  public static final String SCALE_UP_LIMIT = "ScaleUpLimit";
  public static final String SCALE_DOWN_LIMIT = "ScaleDownLimit";
  public static final String TOO_MANY_REPLICAS = "TooManyReplicas";
  public static final String TOO_FEW_REPLICAS = "TooFewReplicas";

  /**
   * Stabilizes {@code prenormalized}, applies rates and bounds, and records the unstabilized
   * recommendation in the returned history.
   */
  public Normalization normalize(
      Behavior behavior,
      int minReplicas,
      int maxReplicas,
      int currentReplicas,
      int prenormalized,
      ScalingHistory history,
      Instant now) {
    Stabilized stabilized =
        stabilize(behavior, currentReplicas, prenormalized, history.recommendations(), now);
    RateLimited limited =
        applyRates(
            behavior,
            minReplicas,
            maxReplicas,
            currentReplicas,
            stabilized.replicas(),
            history.scaleUpEvents(),
            history.scaleDownEvents(),
            now);
    Limit limit =
        switch (limited.reason()) {
          case SCALE_UP_LIMIT, SCALE_DOWN_LIMIT -> Limit.RATE_POLICY;
          case TOO_MANY_REPLICAS -> Limit.MAX;
          case TOO_FEW_REPLICAS -> Limit.MIN;
          default -> Limit.NONE;
        };
    return new Normalization(
        limited.replicas(),
        stabilized.replicas(),
        stabilized.replicas() != prenormalized,
        limited.replicas() == stabilized.replicas() ? Limit.NONE : limit,
        limited.reason(),
        history.withRecommendations(stabilized.recommendations()));
  }

  /** A stabilized recommendation and the recommendation log with the new entry. */
  public record Stabilized(int replicas, List<TimestampedRecommendation> recommendations) {}

  /**
   * Stabilization windows: a scale-up goes no higher than the lowest recommendation of the scale-up
   * window, a scale-down no lower than the highest of the scale-down window. The unstabilized
   * recommendation is recorded, reusing the slot of an entry that has left both windows.
   */
  public Stabilized stabilize(
      Behavior behavior,
      int currentReplicas,
      int prenormalized,
      List<TimestampedRecommendation> recommendations,
      Instant now) {
    Instant upCutoff = now.minusSeconds(behavior.scaleUp().stabilizationWindowSeconds());
    Instant downCutoff = now.minusSeconds(behavior.scaleDown().stabilizationWindowSeconds());
    int upRecommendation = prenormalized;
    int downRecommendation = prenormalized;
    int obsoleteIndex = -1;
    for (int i = 0; i < recommendations.size(); i++) {
      TimestampedRecommendation rec = recommendations.get(i);
      if (rec.timestamp().isAfter(upCutoff)) {
        upRecommendation = Math.min(rec.replicas(), upRecommendation);
      }
      if (rec.timestamp().isAfter(downCutoff)) {
        downRecommendation = Math.max(rec.replicas(), downRecommendation);
      }
      if (rec.timestamp().isBefore(upCutoff) && rec.timestamp().isBefore(downCutoff)) {
        obsoleteIndex = i;
      }
    }
    int recommendation = currentReplicas;
    if (recommendation < upRecommendation) {
      recommendation = upRecommendation;
    }
    if (recommendation > downRecommendation) {
      recommendation = downRecommendation;
    }
    TimestampedRecommendation entry = new TimestampedRecommendation(prenormalized, now);
    return new Stabilized(recommendation, replaced(recommendations, obsoleteIndex, entry));
  }

  /** Rate policies and bounds ({@code convertDesiredReplicasWithBehaviorRate}). */
  public RateLimited applyRates(
      Behavior behavior,
      int minReplicas,
      int maxReplicas,
      int currentReplicas,
      int desiredReplicas,
      List<ScaleEvent> scaleUpEvents,
      List<ScaleEvent> scaleDownEvents,
      Instant now) {
    if (desiredReplicas > currentReplicas) {
      int scaleUpLimit =
          scaleUpLimit(currentReplicas, scaleUpEvents, scaleDownEvents, behavior.scaleUp(), now);
      if (scaleUpLimit < currentReplicas) {
        scaleUpLimit = currentReplicas;
      }
      int maximumAllowed = maxReplicas;
      String reason = TOO_MANY_REPLICAS;
      if (maximumAllowed > scaleUpLimit) {
        maximumAllowed = scaleUpLimit;
        reason = SCALE_UP_LIMIT;
      }
      if (desiredReplicas > maximumAllowed) {
        return new RateLimited(maximumAllowed, reason);
      }
    } else if (desiredReplicas < currentReplicas) {
      int scaleDownLimit =
          scaleDownLimit(
              currentReplicas, scaleUpEvents, scaleDownEvents, behavior.scaleDown(), now);
      if (scaleDownLimit > currentReplicas) {
        scaleDownLimit = currentReplicas;
      }
      int minimumAllowed = minReplicas;
      String reason = TOO_FEW_REPLICAS;
      if (minimumAllowed < scaleDownLimit) {
        minimumAllowed = scaleDownLimit;
        reason = SCALE_DOWN_LIMIT;
      }
      if (desiredReplicas < minimumAllowed) {
        return new RateLimited(minimumAllowed, reason);
      }
    }
    return new RateLimited(desiredReplicas, DESIRED_WITHIN_RANGE);
  }

  /**
   * The most replicas the scale-up policies allow now ({@code
   * calculateScaleUpLimitWithScalingRules}).
   */
  public static int scaleUpLimit(
      int currentReplicas,
      List<ScaleEvent> scaleUpEvents,
      List<ScaleEvent> scaleDownEvents,
      ScalingRules rules,
      Instant now) {
    if (rules.selectPolicy() == SelectPolicy.DISABLED) {
      return currentReplicas;
    }
    boolean pickMin = rules.selectPolicy() == SelectPolicy.MIN;
    long result = pickMin ? Integer.MAX_VALUE : Integer.MIN_VALUE;
    for (ScalingPolicyRule policy : rules.policies()) {
      long periodStart =
          (long) currentReplicas
              - changeInPeriod(policy.periodSeconds(), scaleUpEvents, now)
              + changeInPeriod(policy.periodSeconds(), scaleDownEvents, now);
      long proposed =
          switch (policy.type()) {
            case PODS -> periodStart + policy.value();
            case PERCENT -> (long) Math.ceil(periodStart * (1 + policy.value() / 100.0));
          };
      result = pickMin ? Math.min(result, proposed) : Math.max(result, proposed);
    }
    return saturate(result);
  }

  /**
   * The fewest replicas the scale-down policies allow now ({@code
   * calculateScaleDownLimitWithBehaviors}).
   */
  public static int scaleDownLimit(
      int currentReplicas,
      List<ScaleEvent> scaleUpEvents,
      List<ScaleEvent> scaleDownEvents,
      ScalingRules rules,
      Instant now) {
    if (rules.selectPolicy() == SelectPolicy.DISABLED) {
      return currentReplicas;
    }
    boolean pickMin = rules.selectPolicy() == SelectPolicy.MIN;
    long result = pickMin ? Integer.MIN_VALUE : Integer.MAX_VALUE;
    for (ScalingPolicyRule policy : rules.policies()) {
      long periodStart =
          (long) currentReplicas
              - changeInPeriod(policy.periodSeconds(), scaleUpEvents, now)
              + changeInPeriod(policy.periodSeconds(), scaleDownEvents, now);
      long proposed =
          switch (policy.type()) {
            case PODS -> periodStart - policy.value();
            case PERCENT -> (long) (periodStart * (1 - policy.value() / 100.0));
          };
      result = pickMin ? Math.max(result, proposed) : Math.min(result, proposed);
    }
    return saturate(result);
  }

  /** Sum of the replica changes of events younger than {@code periodSeconds}. */
  public static int changeInPeriod(int periodSeconds, List<ScaleEvent> events, Instant now) {
    long change = 0;
    for (int i = 0, n = events.size(); i < n; i++) {
      ScaleEvent event = events.get(i);
      if (after(event.timestamp(), now, periodSeconds)) {
        change += event.replicaChange();
      }
    }
    return saturate(change);
  }

  /**
   * Records a scale change for the rate policies ({@code storeScaleEvent}): the event goes to the
   * list of its direction, reusing the slot of an event older than the direction's longest policy
   * period.
   */
  public ScalingHistory recordScaleEvent(
      ScalingHistory history, Behavior behavior, int previous, int next, Instant now) {
    if (next == previous) {
      return history;
    }
    if (next > previous) {
      return history.withScaleUpEvents(
          store(history.scaleUpEvents(), behavior.scaleUp(), next - previous, now));
    }
    return history.withScaleDownEvents(
        store(history.scaleDownEvents(), behavior.scaleDown(), previous - next, now));
  }

  private static List<ScaleEvent> store(
      List<ScaleEvent> events, ScalingRules rules, int change, Instant now) {
    Instant cutoff = now.minusSeconds(rules.longestPeriodSeconds());
    int outdated = -1;
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i).timestamp().isBefore(cutoff)) {
        outdated = i;
      }
    }
    return replaced(events, outdated, new ScaleEvent(change, now));
  }

  /**
   * An immutable copy of {@code list} with {@code entry} at {@code index}, or appended when {@code
   * index} is negative; one array is filled and becomes the list.
   */
  @SuppressWarnings("unchecked")
  private static <T> List<T> replaced(List<T> list, int index, T entry) {
    int n = list.size();
    T[] out = (T[]) new Object[index >= 0 ? n : n + 1];
    for (int i = 0; i < n; i++) {
      out[i] = list.get(i);
    }
    out[index >= 0 ? index : n] = entry;
    return FrozenList.own(out);
  }

  /** {@code t.isAfter(now.minusSeconds(seconds))} without allocating the cutoff. */
  private static boolean after(Instant t, Instant now, long seconds) {
    int bySecond = Long.compare(t.getEpochSecond(), now.getEpochSecond() - seconds);
    return bySecond > 0 || (bySecond == 0 && t.getNano() > now.getNano());
  }

  private static int saturate(long value) {
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
  }
}
