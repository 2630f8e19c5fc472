package dev.headroom.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a load signal target is read, as in HPA v2 metric targets. */
public enum SignalType {
  @JsonProperty("AverageValue")
  AVERAGE_VALUE,
  @JsonProperty("Value")
  VALUE
}
