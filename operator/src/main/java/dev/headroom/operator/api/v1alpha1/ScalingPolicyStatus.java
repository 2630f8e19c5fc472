package dev.headroom.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;

/** Observed state of a ScalingPolicy and the last decision with its reasons. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ScalingPolicyStatus {

  @JsonPropertyDescription("Generation of the spec this status describes.")
  private Long observedGeneration;

  @JsonPropertyDescription(
      "Ready, MetricsAvailable, BudgetLimited, ScheduleActive, ForecastReady, Conflict.")
  private List<Condition> conditions = new ArrayList<>();

  @JsonPropertyDescription("Replicas of the target as last observed.")
  private Integer currentReplicas;

  @JsonPropertyDescription("Replicas Headroom decided.")
  private Integer desiredReplicas;

  @JsonPropertyDescription("Pool size per replica Headroom decided.")
  private Integer poolSize;

  @JsonPropertyDescription("Connections the budget grants this policy.")
  private Integer grant;

  @JsonPropertyDescription(
      "Replicas the sources ask for before the budget cap: the demand the budget sees.")
  private Integer requestedReplicas;

  @JsonPropertyDescription("Surge pods counted for this workload at its current replica count.")
  private Integer maxSurge;

  @JsonPropertyDescription("Sequence number of the budget grant this policy last obeyed.")
  private Long acknowledgedGrantSeq;

  @JsonPropertyDescription(
      "Upper bound of the connections the workload holds now: (pods incl. surge and terminating) x largest pool in play.")
  private Long inUseBound;

  @JsonPropertyDescription(
      "The source whose recommendation won: Reactive, Capacity, Schedule, Forecast, Bounds, Budget or FailStatic (data was missing and replicas were kept).")
  private String winner;

  @JsonPropertyDescription(
      "What capped the decision: None, Min, Max, Stabilization, RatePolicy, Tolerance or Budget.")
  private String limitedBy;

  @JsonPropertyDescription("The recommendation of every source.")
  private List<SourceRecommendation> recommendations = new ArrayList<>();

  @JsonPropertyDescription("The schedule window open or about to open.")
  private String activeSchedule;

  @JsonPropertyDescription("Start of the next schedule window (RFC 3339).")
  private String nextScheduleWindow;

  @JsonPropertyDescription(
      "The forecast of the load and the replicas it asks for, when spec.forecast is enabled.")
  private ForecastStatus forecast;

  @JsonPropertyDescription("When Headroom last changed replicas or pool (RFC 3339).")
  private String lastScaleTime;

  @JsonPropertyDescription("The latest decisions that changed something, newest last.")
  private List<DecisionRecord> history = new ArrayList<>();

  @JsonPropertyDescription("Recommendations kept for the stabilization windows.")
  private List<TimedReplicas> recentRecommendations = new ArrayList<>();

  @JsonPropertyDescription("Scale events kept for the rate policies.")
  private List<ScaleEventRecord> recentScaleEvents = new ArrayList<>();

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

  public Integer getCurrentReplicas() {
    return currentReplicas;
  }

  public void setCurrentReplicas(Integer currentReplicas) {
    this.currentReplicas = currentReplicas;
  }

  public Integer getDesiredReplicas() {
    return desiredReplicas;
  }

  public void setDesiredReplicas(Integer desiredReplicas) {
    this.desiredReplicas = desiredReplicas;
  }

  public Integer getPoolSize() {
    return poolSize;
  }

  public void setPoolSize(Integer poolSize) {
    this.poolSize = poolSize;
  }

  public Integer getGrant() {
    return grant;
  }

  public void setGrant(Integer grant) {
    this.grant = grant;
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

  public List<SourceRecommendation> getRecommendations() {
    return recommendations;
  }

  public void setRecommendations(List<SourceRecommendation> recommendations) {
    this.recommendations = recommendations;
  }

  public String getActiveSchedule() {
    return activeSchedule;
  }

  public void setActiveSchedule(String activeSchedule) {
    this.activeSchedule = activeSchedule;
  }

  public String getNextScheduleWindow() {
    return nextScheduleWindow;
  }

  public void setNextScheduleWindow(String nextScheduleWindow) {
    this.nextScheduleWindow = nextScheduleWindow;
  }

  public ForecastStatus getForecast() {
    return forecast;
  }

  public void setForecast(ForecastStatus forecast) {
    this.forecast = forecast;
  }

  public String getLastScaleTime() {
    return lastScaleTime;
  }

  public void setLastScaleTime(String lastScaleTime) {
    this.lastScaleTime = lastScaleTime;
  }

  public List<DecisionRecord> getHistory() {
    return history;
  }

  public void setHistory(List<DecisionRecord> history) {
    this.history = history;
  }

  public List<TimedReplicas> getRecentRecommendations() {
    return recentRecommendations;
  }

  public void setRecentRecommendations(List<TimedReplicas> recentRecommendations) {
    this.recentRecommendations = recentRecommendations;
  }

  public List<ScaleEventRecord> getRecentScaleEvents() {
    return recentScaleEvents;
  }

  public void setRecentScaleEvents(List<ScaleEventRecord> recentScaleEvents) {
    this.recentScaleEvents = recentScaleEvents;
  }

  public Integer getRequestedReplicas() {
    return requestedReplicas;
  }

  public void setRequestedReplicas(Integer requestedReplicas) {
    this.requestedReplicas = requestedReplicas;
  }

  public Integer getMaxSurge() {
    return maxSurge;
  }

  public void setMaxSurge(Integer maxSurge) {
    this.maxSurge = maxSurge;
  }

  public Long getAcknowledgedGrantSeq() {
    return acknowledgedGrantSeq;
  }

  public void setAcknowledgedGrantSeq(Long acknowledgedGrantSeq) {
    this.acknowledgedGrantSeq = acknowledgedGrantSeq;
  }

  public Long getInUseBound() {
    return inUseBound;
  }

  public void setInUseBound(Long inUseBound) {
    this.inUseBound = inUseBound;
  }

  /** A deep copy: changing it leaves this one as it is (instead of a JSON round trip). */
  public ScalingPolicyStatus copy() {
    ScalingPolicyStatus copy = new ScalingPolicyStatus();
    copy.observedGeneration = observedGeneration;
    copy.conditions =
        conditions == null
            ? null
            : new java.util.ArrayList<>(
                conditions.stream()
                    .map(c -> new io.fabric8.kubernetes.api.model.ConditionBuilder(c).build())
                    .toList());
    copy.currentReplicas = currentReplicas;
    copy.desiredReplicas = desiredReplicas;
    copy.poolSize = poolSize;
    copy.grant = grant;
    copy.requestedReplicas = requestedReplicas;
    copy.maxSurge = maxSurge;
    copy.acknowledgedGrantSeq = acknowledgedGrantSeq;
    copy.inUseBound = inUseBound;
    copy.winner = winner;
    copy.limitedBy = limitedBy;
    copy.recommendations =
        recommendations == null
            ? null
            : new java.util.ArrayList<>(
                recommendations.stream().map(SourceRecommendation::copy).toList());
    copy.activeSchedule = activeSchedule;
    copy.nextScheduleWindow = nextScheduleWindow;
    copy.forecast = forecast == null ? null : forecast.copy();
    copy.lastScaleTime = lastScaleTime;
    copy.history =
        history == null
            ? null
            : new java.util.ArrayList<>(history.stream().map(DecisionRecord::copy).toList());
    copy.recentRecommendations =
        recentRecommendations == null
            ? null
            : new java.util.ArrayList<>(
                recentRecommendations.stream().map(TimedReplicas::copy).toList());
    copy.recentScaleEvents =
        recentScaleEvents == null
            ? null
            : new java.util.ArrayList<>(
                recentScaleEvents.stream().map(ScaleEventRecord::copy).toList());
    return copy;
  }

  /** Equal when every field is: what a status write would send is the same. */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ScalingPolicyStatus other)) {
      return false;
    }
    return java.util.Objects.equals(observedGeneration, other.observedGeneration)
        && java.util.Objects.equals(conditions, other.conditions)
        && java.util.Objects.equals(currentReplicas, other.currentReplicas)
        && java.util.Objects.equals(desiredReplicas, other.desiredReplicas)
        && java.util.Objects.equals(poolSize, other.poolSize)
        && java.util.Objects.equals(grant, other.grant)
        && java.util.Objects.equals(requestedReplicas, other.requestedReplicas)
        && java.util.Objects.equals(maxSurge, other.maxSurge)
        && java.util.Objects.equals(acknowledgedGrantSeq, other.acknowledgedGrantSeq)
        && java.util.Objects.equals(inUseBound, other.inUseBound)
        && java.util.Objects.equals(winner, other.winner)
        && java.util.Objects.equals(limitedBy, other.limitedBy)
        && java.util.Objects.equals(recommendations, other.recommendations)
        && java.util.Objects.equals(activeSchedule, other.activeSchedule)
        && java.util.Objects.equals(nextScheduleWindow, other.nextScheduleWindow)
        && java.util.Objects.equals(forecast, other.forecast)
        && java.util.Objects.equals(lastScaleTime, other.lastScaleTime)
        && java.util.Objects.equals(history, other.history)
        && java.util.Objects.equals(recentRecommendations, other.recentRecommendations)
        && java.util.Objects.equals(recentScaleEvents, other.recentScaleEvents);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(
        observedGeneration,
        conditions,
        currentReplicas,
        desiredReplicas,
        poolSize,
        grant,
        requestedReplicas,
        maxSurge,
        acknowledgedGrantSeq,
        inUseBound,
        winner,
        limitedBy,
        recommendations,
        activeSchedule,
        nextScheduleWindow,
        forecast,
        lastScaleTime,
        history,
        recentRecommendations,
        recentScaleEvents);
  }
}
