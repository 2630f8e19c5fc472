package dev.headroom.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;

/** Grants and usage of a ConnectionBudget. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ConnectionBudgetStatus {

  @JsonPropertyDescription("Generation of the spec this status describes.")
  private Long observedGeneration;

  @JsonPropertyDescription("Ready, Overcommitted, Breached.")
  private List<Condition> conditions = new ArrayList<>();

  @JsonPropertyDescription("maxConnections - reserved.")
  private Integer available;

  @JsonPropertyDescription("Sum of the grants.")
  private Integer allocated;

  @JsonPropertyDescription(
      "What can still be granted: available minus what is held for consumers (negative while they hold more than is available).")
  private Integer headroom;

  @JsonPropertyDescription(
      "Upper bound of connections in use now: sum of (replicas + maxSurge) x max(pool old, pool new).")
  private Long inUseBound;

  @JsonPropertyDescription(
      "The connection limit in force: spec.maxConnections, or the smaller of it and what spec.observed.maxConnectionsQuery read from the downstream.")
  private Integer maxConnections;

  public Integer getMaxConnections() {
    return maxConnections;
  }

  public void setMaxConnections(Integer maxConnections) {
    this.maxConnections = maxConnections;
  }

  @JsonPropertyDescription("Connections in use as measured by spec.observed.")
  private Integer observedConnections;

  @JsonPropertyDescription(
      "Connections measured beyond what the grants account for (observed − Σ held); while above 0 no grant grows.")
  private Integer unattributedConnections;

  @JsonPropertyDescription("How many policies draw on this budget.")
  private Integer consumerCount;

  @JsonPropertyDescription("Grant and state per consumer.")
  private List<ConsumerGrant> consumers = new ArrayList<>();

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }

  public Integer getAvailable() {
    return available;
  }

  public void setAvailable(Integer available) {
    this.available = available;
  }

  public Integer getAllocated() {
    return allocated;
  }

  public void setAllocated(Integer allocated) {
    this.allocated = allocated;
  }

  public Integer getHeadroom() {
    return headroom;
  }

  public void setHeadroom(Integer headroom) {
    this.headroom = headroom;
  }

  public Long getInUseBound() {
    return inUseBound;
  }

  public void setInUseBound(Long inUseBound) {
    this.inUseBound = inUseBound;
  }

  public Integer getObservedConnections() {
    return observedConnections;
  }

  public void setObservedConnections(Integer observedConnections) {
    this.observedConnections = observedConnections;
  }

  public Integer getUnattributedConnections() {
    return unattributedConnections;
  }

  public void setUnattributedConnections(Integer unattributedConnections) {
    this.unattributedConnections = unattributedConnections;
  }

  public Integer getConsumerCount() {
    return consumerCount;
  }

  public void setConsumerCount(Integer consumerCount) {
    this.consumerCount = consumerCount;
  }

  public List<ConsumerGrant> getConsumers() {
    return consumers;
  }

  public void setConsumers(List<ConsumerGrant> consumers) {
    this.consumers = consumers;
  }
}
