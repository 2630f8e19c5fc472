package dev.headroom.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/** Lower and upper bound of the replica count. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "self.min <= self.max",
    message = "replicas.min must be <= replicas.max",
    reason = "FieldValueInvalid")
public class ReplicaBounds {

  @JsonPropertyDescription("Fewest replicas Headroom will set.")
  @Required
  @Min(0)
  @Max(100000)
  private int min;

  @JsonPropertyDescription("Most replicas Headroom will set; the budget may cap lower.")
  @Required
  @Min(1)
  @Max(100000)
  private int max;

  public int getMin() {
    return min;
  }

  public void setMin(int min) {
    this.min = min;
  }

  public int getMax() {
    return max;
  }

  public void setMax(int max) {
    this.max = max;
  }
}
