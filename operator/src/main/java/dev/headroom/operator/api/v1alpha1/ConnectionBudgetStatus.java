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

  /** A copy that shares nothing this status may change. */
  public ConnectionBudgetStatus copy() {
    ConnectionBudgetStatus copy = new ConnectionBudgetStatus();
    copy.observedGeneration = observedGeneration;
    copy.conditions =
        conditions == null
            ? null
            : new ArrayList<>(
                conditions.stream()
                    .map(c -> new io.fabric8.kubernetes.api.model.ConditionBuilder(c).build())
                    .toList());
    copy.available = available;
    copy.allocated = allocated;
    copy.headroom = headroom;
    copy.inUseBound = inUseBound;
    copy.maxConnections = maxConnections;
    copy.observedConnections = observedConnections;
    copy.unattributedConnections = unattributedConnections;
    copy.consumerCount = consumerCount;
    copy.consumers =
        consumers == null
            ? null
            : new ArrayList<>(consumers.stream().map(ConsumerGrant::copy).toList());
    return copy;
  }

  /** Equal exactly when the JSON written for both is equal, without building it. */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ConnectionBudgetStatus other)) {
      return false;
    }
    return java.util.Objects.equals(observedGeneration, other.observedGeneration)
        && java.util.Objects.equals(conditions, other.conditions)
        && java.util.Objects.equals(available, other.available)
        && java.util.Objects.equals(allocated, other.allocated)
        && java.util.Objects.equals(headroom, other.headroom)
        && java.util.Objects.equals(inUseBound, other.inUseBound)
        && java.util.Objects.equals(maxConnections, other.maxConnections)
        && java.util.Objects.equals(observedConnections, other.observedConnections)
        && java.util.Objects.equals(unattributedConnections, other.unattributedConnections)
        && java.util.Objects.equals(consumerCount, other.consumerCount)
        && java.util.Objects.equals(consumers, other.consumers);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(
        observedGeneration,
        conditions,
        available,
        allocated,
        headroom,
        inUseBound,
        maxConnections,
        observedConnections,
        unattributedConnections,
        consumerCount,
        consumers);
  }
}
