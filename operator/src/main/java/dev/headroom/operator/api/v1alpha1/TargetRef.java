package dev.headroom.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** Reference to the scaled workload, in the policy namespace. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TargetRef {

  @JsonPropertyDescription("API version of the target, e.g. apps/v1.")
  @Required
  @Pattern("^([a-z0-9.-]+/)?v[0-9]+((alpha|beta)[0-9]+)?$")
  private String apiVersion;

  @JsonPropertyDescription("Kind of the target, e.g. Deployment or StatefulSet.")
  @Required
  @Pattern("^[A-Z][A-Za-z0-9]*$")
  private String kind;

  @JsonPropertyDescription("Name of the target.")
  @Required
  @Pattern("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")
  @Size(min = 1, max = 253)
  private String name;

  public String getApiVersion() {
    return apiVersion;
  }

  public void setApiVersion(String apiVersion) {
    this.apiVersion = apiVersion;
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }
}
