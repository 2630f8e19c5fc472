package dev.headroom.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a budget is shared among its consumers. */
public enum AllocationStrategy {
  @JsonProperty("Proportional")
  PROPORTIONAL,
  @JsonProperty("Priority")
  PRIORITY
}
