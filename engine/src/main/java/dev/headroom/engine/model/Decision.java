package dev.headroom.engine.model;

import dev.headroom.engine.schedule.ScheduleStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The engine's answer for one policy at one instant.
 *
 * @param policyId the policy
 * @param at the decision time ({@link Observation#now()})
 * @param currentReplicas replicas when the decision was taken
 * @param desiredReplicas what the workload should run
 * @param poolSize connection pool per replica, when the policy draws on a budget and has a grant
 * @param recommendations every source's recommendation, in {@link Source} order
 * @param winner the source whose recommendation the desired count follows
 * @param limitedBy what held the desired count back from the winner's recommendation
 * @param reasons human-readable sentences, one per step that mattered; the engine passes them as
 *     {@link RenderedReasons}, rendered on first read
 * @param history updated scaling history to persist and pass to the next decision
 * @param budgetLimited the budget grant capped replicas
 * @param metricsAvailable every load signal had fresh data
 * @param scheduleActive a schedule window (or its lead time) is raising the floor
 * @param activeSchedule the name of the winning schedule window, if any
 * @param valid whether the spec passed validation; an invalid spec changes nothing
 * @param mode the policy's mode; in dry-run hosts record but never apply
 * @param toleranceHeld the load won by keeping the current replicas because every signal was within
 *     the tolerance of them
 * @param schedules every schedule's state at {@link #at()}, as the engine saw it: a host shows
 *     these instead of evaluating the schedules a second time ({@link ScheduleStatus#NONE} for an
 *     invalid policy or one without schedules)
 */
public record Decision(
    String policyId,
    Instant at,
    int currentReplicas,
    int desiredReplicas,
    OptionalInt poolSize,
    List<Recommendation> recommendations,
    Source winner,
    Limit limitedBy,
    List<String> reasons,
    ScalingHistory history,
    boolean budgetLimited,
    boolean metricsAvailable,
    boolean scheduleActive,
    Optional<String> activeSchedule,
    boolean valid,
    Mode mode,
    boolean toleranceHeld,
    ScheduleStatus schedules) {

  public Decision {
    recommendations = FrozenList.copyOf(recommendations);
    reasons = reasons instanceof RenderedReasons ? reasons : List.copyOf(reasons);
    schedules = schedules == null ? ScheduleStatus.NONE : schedules;
  }

  /** A decision without schedule states (as before {@code schedules} was a component). */
  public Decision(
      String policyId,
      Instant at,
      int currentReplicas,
      int desiredReplicas,
      OptionalInt poolSize,
      List<Recommendation> recommendations,
      Source winner,
      Limit limitedBy,
      List<String> reasons,
      ScalingHistory history,
      boolean budgetLimited,
      boolean metricsAvailable,
      boolean scheduleActive,
      Optional<String> activeSchedule,
      boolean valid,
      Mode mode,
      boolean toleranceHeld) {
    this(
        policyId,
        at,
        currentReplicas,
        desiredReplicas,
        poolSize,
        recommendations,
        winner,
        limitedBy,
        reasons,
        history,
        budgetLimited,
        metricsAvailable,
        scheduleActive,
        activeSchedule,
        valid,
        mode,
        toleranceHeld,
        ScheduleStatus.NONE);
  }

  /** The recommendation of one source, if it produced one. */
  public Optional<Recommendation> recommendation(Source source) {
    return recommendations.stream().filter(r -> r.source() == source).findFirst();
  }

  /** Whether applying this decision changes the replica count. */
  public boolean rescale() {
    return desiredReplicas != currentReplicas;
  }

  /** All reasons joined with "; " for an event message or a status field. */
  public String summary() {
    return String.join("; ", reasons);
  }
}
