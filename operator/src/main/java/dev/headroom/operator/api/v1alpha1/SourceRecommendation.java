package dev.headroom.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** What one source recommended. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SourceRecommendation {

  @JsonPropertyDescription("Reactive, Capacity, Schedule, Forecast, Bounds or Budget.")
  private String source;

  @JsonPropertyDescription(
      "Replicas this source asked for; absent when the source had nothing to say.")
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

  /** A deep copy: changing it leaves this one as it is (instead of a JSON round trip). */
  public SourceRecommendation copy() {
    SourceRecommendation copy = new SourceRecommendation();
    copy.source = source;
    copy.replicas = replicas;
    copy.detail = detail;
    return copy;
  }

  /** Equal when every field is: what a status write would send is the same. */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof SourceRecommendation other)) {
      return false;
    }
    return java.util.Objects.equals(source, other.source)
        && java.util.Objects.equals(replicas, other.replicas)
        && java.util.Objects.equals(detail, other.detail);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(source, replicas, detail);
  }
}
