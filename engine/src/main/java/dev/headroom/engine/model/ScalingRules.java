package dev.headroom.engine.model;

import java.util.List;

/**
 * Behaviour in one direction, as HPA v2 {@code HPAScalingRules}.
 *
 * @param stabilizationWindowSeconds how far back past recommendations are considered
 * @param selectPolicy how the policies combine
 * @param policies the rate policies
 */
public record ScalingRules(
    int stabilizationWindowSeconds, SelectPolicy selectPolicy, List<ScalingPolicyRule> policies) {

  public ScalingRules {
    policies = List.copyOf(policies);
  }

  /** HPA v2 default for scale-up: no stabilization, max of 100%/15s and 4 pods/15s. */
  public static ScalingRules scaleUpDefaults() {
    return new ScalingRules(
        0,
        SelectPolicy.MAX,
        List.of(ScalingPolicyRule.pods(4, 15), ScalingPolicyRule.percent(100, 15)));
  }

  /** HPA v2 default for scale-down: 300 s stabilization, 100%/15s. */
  public static ScalingRules scaleDownDefaults() {
    return new ScalingRules(300, SelectPolicy.MAX, List.of(ScalingPolicyRule.percent(100, 15)));
  }

  /**
   * Fills the fields a user left out ({@code null}) from {@code defaults}, the way the HPA API
   * defaults a partially specified {@code behavior}: each field is taken as a whole, so a user's
   * policy list replaces the default list.
   */
  public static ScalingRules merge(
      Integer stabilizationWindowSeconds,
      SelectPolicy selectPolicy,
      List<ScalingPolicyRule> policies,
      ScalingRules defaults) {
    return new ScalingRules(
        stabilizationWindowSeconds != null
            ? stabilizationWindowSeconds
            : defaults.stabilizationWindowSeconds(),
        selectPolicy != null ? selectPolicy : defaults.selectPolicy(),
        policies != null ? policies : defaults.policies());
  }

  /** The longest policy period; scale events older than this no longer matter. */
  public int longestPeriodSeconds() {
    int longest = 0;
    for (ScalingPolicyRule rule : policies) {
      longest = Math.max(longest, rule.periodSeconds());
    }
    return longest;
  }
}
