package dev.headroom.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.Map;

/** One load signal and its target per replica. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LoadSignal {

  @JsonPropertyDescription("Name of the signal, used in status and reasons.")
  @Required
  @Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
  @Size(max = 63)
  private String name;

  @JsonPropertyDescription(
      "PromQL returning the total load (e.g. worst-case p99 requests per second): one sample, or with matchLabels a vector of many series from which this signal takes one.")
  @Required
  @Size(min = 1, max = 4096)
  private String query;

  @JsonPropertyDescription(
      "Picks this signal's series from a query that returns many, by label values (like an HPA External metric's selector.matchLabels). Policies with the same query text share one query per tick for all of them, and a round runs only when their value leaves the band of the last decision; without matchLabels the query must return one series and is asked in every round.")
  @Size(max = 16)
  @ValidationRule(
      value =
          "self.all(k, k.matches('^[a-zA-Z_][a-zA-Z0-9_]*$') && size(k) <= 128 && size(self[k]) <= 1024)",
      message =
          "matchLabels keys must be Prometheus label names ([a-zA-Z_][a-zA-Z0-9_]*, at most 128 characters) and values at most 1024 characters",
      reason = "FieldValueInvalid")
  private Map<String, String> matchLabels;

  @JsonPropertyDescription(
      "AverageValue: target is per replica and the query returns the total. Value: target is for the query value as a whole.")
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

  public Map<String, String> getMatchLabels() {
    return matchLabels;
  }

  public void setMatchLabels(Map<String, String> matchLabels) {
    this.matchLabels = matchLabels;
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
