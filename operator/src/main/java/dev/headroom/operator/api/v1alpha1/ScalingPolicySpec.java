package dev.headroom.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** Desired state of a ScalingPolicy. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "!has(self.schedules) || self.schedules.all(s, s.minReplicas <= self.replicas.max)",
    message = "every schedules[].minReplicas must be <= replicas.max",
    reason = "FieldValueInvalid")
@ValidationRule(
    value = "!has(self.load.concurrency) || has(self.capacity)",
    message = "load.concurrency needs capacity: the in-flight requests one replica can hold",
    reason = "FieldValueRequired")
@ValidationRule(
    value =
        "!has(self.forecast) || !has(self.forecast.signal) || (has(self.load.signals) && self.load.signals.exists(s, s.name == self.forecast.signal))",
    message = "forecast.signal must name one of load.signals",
    reason = "FieldValueInvalid")
@ValidationRule(
    value =
        "!has(self.connections) || !has(self.connections.poolSize) || self.replicas.min * self.connections.poolSize.min <= 100000",
    message = "replicas.min x poolSize.min is implausibly large (> 100000 connections)",
    reason = "FieldValueInvalid")
public class ScalingPolicySpec {

  @JsonPropertyDescription("The workload to scale; any kind with a scale subresource.")
  @Required
  private TargetRef targetRef;

  @JsonPropertyDescription(
      "Enforce writes the target; DryRun computes, records and explains but never writes it.")
  @Default("Enforce")
  private PolicyMode mode = PolicyMode.ENFORCE;

  @JsonPropertyDescription(
      "Replicas: Headroom owns the replica count. CapHpa: an existing HorizontalPodAutoscaler keeps replicas and Headroom only caps its maxReplicas by the budget.")
  @Default("Replicas")
  private Ownership ownership = Ownership.REPLICAS;

  @JsonPropertyDescription("Replica bounds.")
  @Required
  private ReplicaBounds replicas;

  @JsonPropertyDescription("Where load comes from.")
  @Required
  private LoadSpec load;

  @JsonPropertyDescription("The scarcest resource of one replica; turns load into replicas.")
  private CapacitySpec capacity;

  @JsonPropertyDescription("Connection pool per replica and the ConnectionBudget it draws on.")
  private ConnectionsSpec connections;

  @JsonPropertyDescription(
      "Time windows that raise the replica floor, met ahead of time by leadTime.")
  @Size(max = 20)
  private List<ScheduleSpec> schedules;

  @JsonPropertyDescription(
      "Seasonal forecast learnt from Prometheus history; may only raise replicas.")
  private ForecastSpec forecast;

  @JsonPropertyDescription(
      "Scale-up and scale-down behavior, with the meaning and defaults of HPA v2 behavior.")
  private BehaviorSpec behavior;

  @JsonPropertyDescription("How many decisions status.history keeps.")
  @Min(1)
  @Max(100)
  @Default("20")
  private Integer historyLimit;

  public TargetRef getTargetRef() {
    return targetRef;
  }

  public void setTargetRef(TargetRef targetRef) {
    this.targetRef = targetRef;
  }

  public PolicyMode getMode() {
    return mode;
  }

  public void setMode(PolicyMode mode) {
    this.mode = mode;
  }

  public Ownership getOwnership() {
    return ownership;
  }

  public void setOwnership(Ownership ownership) {
    this.ownership = ownership;
  }

  public ReplicaBounds getReplicas() {
    return replicas;
  }

  public void setReplicas(ReplicaBounds replicas) {
    this.replicas = replicas;
  }

  public LoadSpec getLoad() {
    return load;
  }

  public void setLoad(LoadSpec load) {
    this.load = load;
  }

  public CapacitySpec getCapacity() {
    return capacity;
  }

  public void setCapacity(CapacitySpec capacity) {
    this.capacity = capacity;
  }

  public ConnectionsSpec getConnections() {
    return connections;
  }

  public void setConnections(ConnectionsSpec connections) {
    this.connections = connections;
  }

  public List<ScheduleSpec> getSchedules() {
    return schedules;
  }

  public void setSchedules(List<ScheduleSpec> schedules) {
    this.schedules = schedules;
  }

  public ForecastSpec getForecast() {
    return forecast;
  }

  public void setForecast(ForecastSpec forecast) {
    this.forecast = forecast;
  }

  public BehaviorSpec getBehavior() {
    return behavior;
  }

  public void setBehavior(BehaviorSpec behavior) {
    this.behavior = behavior;
  }

  public Integer getHistoryLimit() {
    return historyLimit;
  }

  public void setHistoryLimit(Integer historyLimit) {
    this.historyLimit = historyLimit;
  }
}
