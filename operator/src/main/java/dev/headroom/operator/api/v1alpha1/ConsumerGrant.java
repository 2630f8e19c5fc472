package dev.headroom.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The grant of one consumer of a budget. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ConsumerGrant {

  @JsonPropertyDescription("namespace/name of the ScalingPolicy.")
  private String policy;

  @JsonPropertyDescription("Its priority.")
  private Integer priority;

  @JsonPropertyDescription("Guaranteed connections: (replicas.min + maxSurge) x poolSize.min.")
  private Integer minimum;

  @JsonPropertyDescription("Connections it asks for: (desired + maxSurge) x poolSize.max.")
  private Integer demand;

  @JsonPropertyDescription("Connections it may use.")
  private Integer grant;

  @JsonPropertyDescription(
      "Rises each time the grant changes; the policy acknowledges it once obeyed.")
  private Long grantSeq;

  @JsonPropertyDescription(
      "Connections the budget keeps for this consumer until it confirms it came down.")
  private Long held;

  @JsonPropertyDescription("Connections the allocation wants this consumer to have.")
  private Integer target;

  @JsonPropertyDescription("Upper bound of what it uses now.")
  private Long inUseBound;

  @JsonPropertyDescription("Replicas that fit the grant.")
  private Integer replicas;

  @JsonPropertyDescription("Pool per replica that fits the grant.")
  private Integer poolSize;

  @JsonPropertyDescription("Surge pods counted for it.")
  private Integer maxSurge;

  @JsonPropertyDescription(
      "Stable, Shrinking (waiting for it to come down), Growing or Waiting (for others to shrink).")
  private ConsumerPhase phase;

  public String getPolicy() {
    return policy;
  }

  public void setPolicy(String policy) {
    this.policy = policy;
  }

  public Integer getPriority() {
    return priority;
  }

  public void setPriority(Integer priority) {
    this.priority = priority;
  }

  public Integer getMinimum() {
    return minimum;
  }

  public void setMinimum(Integer minimum) {
    this.minimum = minimum;
  }

  public Integer getDemand() {
    return demand;
  }

  public void setDemand(Integer demand) {
    this.demand = demand;
  }

  public Integer getGrant() {
    return grant;
  }

  public void setGrant(Integer grant) {
    this.grant = grant;
  }

  public Long getInUseBound() {
    return inUseBound;
  }

  public void setInUseBound(Long inUseBound) {
    this.inUseBound = inUseBound;
  }

  public Integer getReplicas() {
    return replicas;
  }

  public void setReplicas(Integer replicas) {
    this.replicas = replicas;
  }

  public Integer getPoolSize() {
    return poolSize;
  }

  public void setPoolSize(Integer poolSize) {
    this.poolSize = poolSize;
  }

  public Integer getMaxSurge() {
    return maxSurge;
  }

  public void setMaxSurge(Integer maxSurge) {
    this.maxSurge = maxSurge;
  }

  public ConsumerPhase getPhase() {
    return phase;
  }

  public void setPhase(ConsumerPhase phase) {
    this.phase = phase;
  }

  public Long getGrantSeq() {
    return grantSeq;
  }

  public void setGrantSeq(Long grantSeq) {
    this.grantSeq = grantSeq;
  }

  public Long getHeld() {
    return held;
  }

  public void setHeld(Long held) {
    this.held = held;
  }

  public Integer getTarget() {
    return target;
  }

  public void setTarget(Integer target) {
    this.target = target;
  }
}
