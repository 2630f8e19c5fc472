package dev.headroom.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

/** One rate policy: at most value pods or percent per period. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RatePolicy {

  @JsonPropertyDescription("Pods or Percent.")
  @Required
  private RatePolicyType type;

  @JsonPropertyDescription("Amount of change allowed per period.")
  @Required
  @Min(value = 0, inclusive = false)
  private int value;

  @JsonPropertyDescription("Length of the period.")
  @Required
  @Min(value = 0, inclusive = false)
  @Max(1800)
  private int periodSeconds;

  public RatePolicyType getType() {
    return type;
  }

  public void setType(RatePolicyType type) {
    this.type = type;
  }

  public int getValue() {
    return value;
  }

  public void setValue(int value) {
    this.value = value;
  }

  public int getPeriodSeconds() {
    return periodSeconds;
  }

  public void setPeriodSeconds(int periodSeconds) {
    this.periodSeconds = periodSeconds;
  }
}
