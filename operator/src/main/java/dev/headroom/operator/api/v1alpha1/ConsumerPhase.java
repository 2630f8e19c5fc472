package dev.headroom.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a consumer is in a two-phase grant change. */
public enum ConsumerPhase {
  @JsonProperty("Stable")
  STABLE,
  @JsonProperty("Shrinking")
  SHRINKING,
  @JsonProperty("Growing")
  GROWING,
  @JsonProperty("Waiting")
  WAITING
}
