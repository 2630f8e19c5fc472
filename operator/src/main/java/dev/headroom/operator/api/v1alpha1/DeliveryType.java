package dev.headroom.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How the pool size reaches the pods. */
public enum DeliveryType {
  @JsonProperty("Env")
  ENV,
  @JsonProperty("ConfigMap")
  CONFIG_MAP,
  @JsonProperty("Annotation")
  ANNOTATION
}
