package dev.headroom.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/** How the pool size is delivered to the pods. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "self.type != 'Env' || (has(self.container) && has(self.envName))",
    message = "delivery type Env needs container and envName",
    reason = "FieldValueRequired")
@ValidationRule(
    value = "self.type != 'ConfigMap' || (has(self.configMapName) && has(self.key))",
    message = "delivery type ConfigMap needs configMapName and key",
    reason = "FieldValueRequired")
@ValidationRule(
    value = "self.type != 'Annotation' || has(self.key)",
    message = "delivery type Annotation needs key",
    reason = "FieldValueRequired")
public class PoolDeliverySpec {

  @JsonPropertyDescription(
      "Env or Annotation: a pod-template change that rolls the pods, counted as a rollout. ConfigMap: the application watches the key and resizes live.")
  @Required
  private DeliveryType type;

  @JsonPropertyDescription("Env: container of the pod template.")
  @Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
  private String container;

  @JsonPropertyDescription("Env: variable name.")
  @Pattern("^[-._a-zA-Z][-._a-zA-Z0-9]*$")
  private String envName;

  @JsonPropertyDescription("ConfigMap: name, in the policy namespace.")
  @Pattern("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")
  private String configMapName;

  @JsonPropertyDescription("ConfigMap key or pod-template annotation key.")
  @Pattern("^([a-z0-9.-]+/)?[-._a-zA-Z0-9]+$")
  private String key;

  public DeliveryType getType() {
    return type;
  }

  public void setType(DeliveryType type) {
    this.type = type;
  }

  public String getContainer() {
    return container;
  }

  public void setContainer(String container) {
    this.container = container;
  }

  public String getEnvName() {
    return envName;
  }

  public void setEnvName(String envName) {
    this.envName = envName;
  }

  public String getConfigMapName() {
    return configMapName;
  }

  public void setConfigMapName(String configMapName) {
    this.configMapName = configMapName;
  }

  public String getKey() {
    return key;
  }

  public void setKey(String key) {
    this.key = key;
  }
}
