package dev.headroom.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** What one source recommended. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SourceRecommendation {

  @JsonPropertyDescription("Reactive, Capacity, Schedule, Forecast, Bounds or Budget.")
  private String source;

  @JsonPropertyDescription("Replicas this source asked for; absent when the source had nothing to say.")
  private Integer replicas;

  @JsonPropertyDescription("Why, in one sentence.")
  private String detail;

  public String getSource() {
    return source;
  }

  public void setSource(String source) {
    this.source = source;
  }

  public Integer getReplicas() {
    return replicas;
  }

  public void setReplicas(Integer replicas) {
    this.replicas = replicas;
  }

  public String getDetail() {
    return detail;
  }

  public void setDetail(String detail) {
    this.detail = detail;
  }
}
