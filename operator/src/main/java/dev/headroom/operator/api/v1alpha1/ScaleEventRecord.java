package dev.headroom.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A scale event, for rate policies. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ScaleEventRecord {

  @JsonPropertyDescription("When (RFC 3339).")
  private String time;

  @JsonPropertyDescription("Replicas before.")
  private int from;

  @JsonPropertyDescription("Replicas after.")
  private int to;

  public String getTime() {
    return time;
  }

  public void setTime(String time) {
    this.time = time;
  }

  public int getFrom() {
    return from;
  }

  public void setFrom(int from) {
    this.from = from;
  }

  public int getTo() {
    return to;
  }

  public void setTo(int to) {
    this.to = to;
  }
}
