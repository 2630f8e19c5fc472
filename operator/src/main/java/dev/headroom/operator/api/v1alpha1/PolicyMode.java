package dev.headroom.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether Headroom writes the target or only explains. */
public enum PolicyMode {
  @JsonProperty("Enforce")
  ENFORCE,
  @JsonProperty("DryRun")
  DRY_RUN
}
