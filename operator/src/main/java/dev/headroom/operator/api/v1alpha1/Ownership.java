package dev.headroom.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Who owns the replica count of the target. */
public enum Ownership {
  @JsonProperty("Replicas")
  REPLICAS,
  @JsonProperty("CapHpa")
  CAP_HPA
}
