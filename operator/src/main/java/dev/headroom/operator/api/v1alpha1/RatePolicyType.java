package dev.headroom.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Unit of a rate policy. */
public enum RatePolicyType {
  @JsonProperty("Pods")
  PODS,
  @JsonProperty("Percent")
  PERCENT
}
