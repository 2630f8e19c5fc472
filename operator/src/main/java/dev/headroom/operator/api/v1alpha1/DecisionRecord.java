package dev.headroom.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

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

  @JsonPropertyDescription("Why, in one sentence.")
  private String reason;

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
}
