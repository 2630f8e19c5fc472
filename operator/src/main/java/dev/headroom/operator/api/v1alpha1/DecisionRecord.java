package dev.headroom.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

/** One decision in the history. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DecisionRecord {

  @JsonPropertyDescription("When (RFC 3339).")
  private String time;

  @JsonPropertyDescription("Replicas before.")
  private Integer fromReplicas;

  @JsonPropertyDescription("Replicas after.")
  private Integer toReplicas;

  @JsonPropertyDescription("Pool size before.")
  private Integer fromPool;

  @JsonPropertyDescription("Pool size after.")
  private Integer toPool;

  @JsonPropertyDescription("Winning source.")
  private String winner;

  @JsonPropertyDescription("What capped it.")
  private String limitedBy;

  @JsonPropertyDescription(
      "What was done, in one line; the full explanation is in reasons and inputs.")
  private String reason;

  @JsonPropertyDescription("What was written to the target, one entry per change.")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  private List<String> actions = new ArrayList<>();

  @JsonPropertyDescription("The engine's explanation, one sentence per entry, never shortened.")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  private List<String> reasons = new ArrayList<>();

  @JsonPropertyDescription("What every source recommended when the decision was made.")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  private List<SourceRecommendation> inputs = new ArrayList<>();

  @JsonPropertyDescription("Replicas the sources asked for before the budget cap.")
  private Integer requestedReplicas;

  @JsonPropertyDescription("Connections the budget granted when the decision was made.")
  private Integer grant;

  @JsonPropertyDescription("True when the decision was recorded but not applied.")
  private Boolean dryRun;

  public String getTime() {
    return time;
  }

  public void setTime(String time) {
    this.time = time;
  }

  public Integer getFromReplicas() {
    return fromReplicas;
  }

  public void setFromReplicas(Integer fromReplicas) {
    this.fromReplicas = fromReplicas;
  }

  public Integer getToReplicas() {
    return toReplicas;
  }

  public void setToReplicas(Integer toReplicas) {
    this.toReplicas = toReplicas;
  }

  public Integer getFromPool() {
    return fromPool;
  }

  public void setFromPool(Integer fromPool) {
    this.fromPool = fromPool;
  }

  public Integer getToPool() {
    return toPool;
  }

  public void setToPool(Integer toPool) {
    this.toPool = toPool;
  }

  public String getWinner() {
    return winner;
  }

  public void setWinner(String winner) {
    this.winner = winner;
  }

  public String getLimitedBy() {
    return limitedBy;
  }

  public void setLimitedBy(String limitedBy) {
    this.limitedBy = limitedBy;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public Boolean getDryRun() {
    return dryRun;
  }

  public void setDryRun(Boolean dryRun) {
    this.dryRun = dryRun;
  }

  public List<String> getActions() {
    return actions;
  }

  public void setActions(List<String> actions) {
    this.actions = actions;
  }

  public List<String> getReasons() {
    return reasons;
  }

  public void setReasons(List<String> reasons) {
    this.reasons = reasons;
  }

  public List<SourceRecommendation> getInputs() {
    return inputs;
  }

  public void setInputs(List<SourceRecommendation> inputs) {
    this.inputs = inputs;
  }

  public Integer getRequestedReplicas() {
    return requestedReplicas;
  }

  public void setRequestedReplicas(Integer requestedReplicas) {
    this.requestedReplicas = requestedReplicas;
  }

  public Integer getGrant() {
    return grant;
  }

  public void setGrant(Integer grant) {
    this.grant = grant;
  }

  /** A deep copy: changing it leaves this one as it is (instead of a JSON round trip). */
  public DecisionRecord copy() {
    DecisionRecord copy = new DecisionRecord();
    copy.time = time;
    copy.fromReplicas = fromReplicas;
    copy.toReplicas = toReplicas;
    copy.fromPool = fromPool;
    copy.toPool = toPool;
    copy.winner = winner;
    copy.limitedBy = limitedBy;
    copy.reason = reason;
    copy.actions = actions == null ? null : new java.util.ArrayList<>(actions);
    copy.reasons = reasons == null ? null : new java.util.ArrayList<>(reasons);
    copy.inputs =
        inputs == null
            ? null
            : new java.util.ArrayList<>(inputs.stream().map(SourceRecommendation::copy).toList());
    copy.requestedReplicas = requestedReplicas;
    copy.grant = grant;
    copy.dryRun = dryRun;
    return copy;
  }

  /** Equal when every field is: what a status write would send is the same. */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof DecisionRecord other)) {
      return false;
    }
    return java.util.Objects.equals(time, other.time)
        && java.util.Objects.equals(fromReplicas, other.fromReplicas)
        && java.util.Objects.equals(toReplicas, other.toReplicas)
        && java.util.Objects.equals(fromPool, other.fromPool)
        && java.util.Objects.equals(toPool, other.toPool)
        && java.util.Objects.equals(winner, other.winner)
        && java.util.Objects.equals(limitedBy, other.limitedBy)
        && java.util.Objects.equals(reason, other.reason)
        && java.util.Objects.equals(orEmpty(actions), orEmpty(other.actions))
        && java.util.Objects.equals(orEmpty(reasons), orEmpty(other.reasons))
        && java.util.Objects.equals(orEmpty(inputs), orEmpty(other.inputs))
        && java.util.Objects.equals(requestedReplicas, other.requestedReplicas)
        && java.util.Objects.equals(grant, other.grant)
        && java.util.Objects.equals(dryRun, other.dryRun);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(
        time,
        fromReplicas,
        toReplicas,
        fromPool,
        toPool,
        winner,
        limitedBy,
        reason,
        orEmpty(actions),
        orEmpty(reasons),
        orEmpty(inputs),
        requestedReplicas,
        grant,
        dryRun);
  }

  /** Absent and empty lists are written alike (NON_EMPTY), so they are equal too. */
  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
