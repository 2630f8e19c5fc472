package dev.headroom.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/** Range of the per-replica connection pool. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "self.min <= self.max",
    message = "poolSize.min must be <= poolSize.max",
    reason = "FieldValueInvalid")
public class PoolSizeRange {

  @JsonPropertyDescription("Smallest pool per replica.")
  @Required
  @Min(1)
  @Max(10000)
  private int min;

  @JsonPropertyDescription("Largest pool per replica.")
  @Required
  @Min(1)
  @Max(10000)
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
