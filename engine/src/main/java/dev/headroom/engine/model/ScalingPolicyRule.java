package dev.headroom.engine.model;

/**
 * One rate policy: at most {@code value} pods (or percent of the replicas at the start of the
 * period) added or removed per {@code periodSeconds}.
 */
public record ScalingPolicyRule(PolicyType type, int value, int periodSeconds) {

  public static ScalingPolicyRule pods(int value, int periodSeconds) {
    return new ScalingPolicyRule(PolicyType.PODS, value, periodSeconds);
  }

  public static ScalingPolicyRule percent(int value, int periodSeconds) {
    return new ScalingPolicyRule(PolicyType.PERCENT, value, periodSeconds);
  }
}
