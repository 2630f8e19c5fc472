package dev.headroom.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** Stabilization and rate policies for one direction. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ScalingRules {

  @JsonPropertyDescription("Window over which past recommendations are considered.")
  @Min(0)
  @Max(3600)
  private Integer stabilizationWindowSeconds;

  @JsonPropertyDescription("Max, Min or Disabled.")
  private SelectPolicy selectPolicy;

  @JsonPropertyDescription("Rate policies.")
  @Size(max = 10)
  private List<RatePolicy> policies;

  public Integer getStabilizationWindowSeconds() {
    return stabilizationWindowSeconds;
  }

  public void setStabilizationWindowSeconds(Integer stabilizationWindowSeconds) {
    this.stabilizationWindowSeconds = stabilizationWindowSeconds;
  }

  public SelectPolicy getSelectPolicy() {
    return selectPolicy;
  }

  public void setSelectPolicy(SelectPolicy selectPolicy) {
    this.selectPolicy = selectPolicy;
  }

  public List<RatePolicy> getPolicies() {
    return policies;
  }

  public void setPolicies(List<RatePolicy> policies) {
    this.policies = policies;
  }
}
