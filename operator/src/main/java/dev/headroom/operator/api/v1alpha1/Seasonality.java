package dev.headroom.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The season a forecast learns. */
public enum Seasonality {
  @JsonProperty("Daily")
  DAILY,
  @JsonProperty("Weekly")
  WEEKLY
}
