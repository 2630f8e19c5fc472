package dev.headroom.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Scale-up and scale-down rules, as in HPA v2. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BehaviorSpec {

  @JsonPropertyDescription("Rules for scaling up; HPA defaults when absent.")
  private ScalingRules scaleUp;

  @JsonPropertyDescription("Rules for scaling down; HPA defaults when absent.")
  private ScalingRules scaleDown;

  public ScalingRules getScaleUp() {
    return scaleUp;
  }

  public void setScaleUp(ScalingRules scaleUp) {
    this.scaleUp = scaleUp;
  }

  public ScalingRules getScaleDown() {
    return scaleDown;
  }

  public void setScaleDown(ScalingRules scaleDown) {
    this.scaleDown = scaleDown;
  }
}
