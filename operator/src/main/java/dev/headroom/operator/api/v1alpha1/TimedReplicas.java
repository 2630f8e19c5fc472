package dev.headroom.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A replica recommendation at a time. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TimedReplicas {

  @JsonPropertyDescription("When (RFC 3339).")
  private String time;

  @JsonPropertyDescription("Replicas recommended.")
  private int replicas;

  public String getTime() {
    return time;
  }

  public void setTime(String time) {
    this.time = time;
  }

  public int getReplicas() {
    return replicas;
  }

  public void setReplicas(int replicas) {
    this.replicas = replicas;
  }
}
