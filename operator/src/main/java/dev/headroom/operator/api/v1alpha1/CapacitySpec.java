package dev.headroom.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** The scarcest resource of one replica. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CapacitySpec {

  @JsonPropertyDescription("dbConnections, threads, memory, cpu, or a custom name.")
  @Required
  @Pattern("^[A-Za-z][A-Za-z0-9_-]*$")
  @Size(max = 63)
  private String resource;

  @JsonPropertyDescription(
      "How much of the resource one replica has (threads, bytes of memory, connections, cores, ...).")
  @Required
  @Min(value = 0, inclusive = false)
  private double perReplica;

  @JsonPropertyDescription(
      "How much one in-flight request uses (e.g. bytes of memory per request); 1 when absent.")
  @Min(value = 0, inclusive = false)
  private Double perRequest;

  @JsonPropertyDescription("Share of the resource to plan for, in (0, 1]; default 0.8.")
  @Min(value = 0, inclusive = false)
  @Max(1)
  private Double targetUtilization;

  public String getResource() {
    return resource;
  }

  public void setResource(String resource) {
    this.resource = resource;
  }

  public double getPerReplica() {
    return perReplica;
  }

  public void setPerReplica(double perReplica) {
    this.perReplica = perReplica;
  }

  public Double getPerRequest() {
    return perRequest;
  }

  public void setPerRequest(Double perRequest) {
    this.perRequest = perRequest;
  }

  public Double getTargetUtilization() {
    return targetUtilization;
  }

  public void setTargetUtilization(Double targetUtilization) {
    this.targetUtilization = targetUtilization;
  }
}
