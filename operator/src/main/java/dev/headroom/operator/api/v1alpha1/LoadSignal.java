package dev.headroom.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** One load signal and its target per replica. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LoadSignal {

  @JsonPropertyDescription("Name of the signal, used in status and reasons.")
  @Required
  @Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
  @Size(max = 63)
  private String name;

  @JsonPropertyDescription("PromQL returning one sample: the total load (e.g. worst-case p99 requests per second).")
  @Required
  @Size(min = 1, max = 4096)
  private String query;

  @JsonPropertyDescription("AverageValue: target is per replica and the query returns the total. Value: target is for the query value as a whole.")
  @Default("AverageValue")
  private SignalType type = SignalType.AVERAGE_VALUE;

  @JsonPropertyDescription("Target per replica (AverageValue) or for the whole value (Value).")
  @Required
  @Min(value = 0, inclusive = false)
  private double target;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getQuery() {
    return query;
  }

  public void setQuery(String query) {
    this.query = query;
  }

  public SignalType getType() {
    return type;
  }

  public void setType(SignalType type) {
    this.type = type;
  }

  public double getTarget() {
    return target;
  }

  public void setTarget(double target) {
    this.target = target;
  }
}
