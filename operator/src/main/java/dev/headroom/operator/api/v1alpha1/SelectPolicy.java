package dev.headroom.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Which rate policy applies when several do, as in HPA v2. */
public enum SelectPolicy {
  @JsonProperty("Max")
  MAX,
  @JsonProperty("Min")
  MIN,
  @JsonProperty("Disabled")
  DISABLED
}
