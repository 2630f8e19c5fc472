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

  /** A copy that shares nothing this status may change. */
  public ConsumerGrant copy() {
    ConsumerGrant copy = new ConsumerGrant();
    copy.policy = policy;
    copy.priority = priority;
    copy.minimum = minimum;
    copy.demand = demand;
    copy.grant = grant;
    copy.grantSeq = grantSeq;
    copy.held = held;
    copy.target = target;
    copy.inUseBound = inUseBound;
    copy.replicas = replicas;
    copy.poolSize = poolSize;
    copy.maxSurge = maxSurge;
    copy.phase = phase;
    return copy;
  }

  /** Equal exactly when the JSON written for both is equal, without building it. */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ConsumerGrant other)) {
      return false;
    }
    return java.util.Objects.equals(policy, other.policy)
        && java.util.Objects.equals(priority, other.priority)
        && java.util.Objects.equals(minimum, other.minimum)
        && java.util.Objects.equals(demand, other.demand)
        && java.util.Objects.equals(grant, other.grant)
        && java.util.Objects.equals(grantSeq, other.grantSeq)
        && java.util.Objects.equals(held, other.held)
        && java.util.Objects.equals(target, other.target)
        && java.util.Objects.equals(inUseBound, other.inUseBound)
        && java.util.Objects.equals(replicas, other.replicas)
        && java.util.Objects.equals(poolSize, other.poolSize)
        && java.util.Objects.equals(maxSurge, other.maxSurge)
        && java.util.Objects.equals(phase, other.phase);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(
        policy,
        priority,
        minimum,
        demand,
        grant,
        grantSeq,
        held,
        target,
        inUseBound,
        replicas,
        poolSize,
        maxSurge,
        phase);
  }
}
