package dev.headroom.engine.model;

/** Unit of a scaling rate policy, as in HPA v2 {@code HPAScalingPolicyType}. */
public enum PolicyType {
  PODS,
  PERCENT
}
