package dev.headroom.operator.policy;

import dev.headroom.engine.schedule.WindowPhase;
import dev.headroom.engine.schedule.WindowState;
import dev.headroom.operator.status.EventReasons;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.Optional;

/**
 * Whether a reconcile saw a schedule window begin or end, told by the {@code ScheduleActive}
 * condition before and after it, and the Event that says so.
 */
public record ScheduleTransition(String reason, String message) {

  /**
   * @param before the condition as the previous reconcile left it (null when absent)
   * @param after the condition this reconcile set (null when the policy has no schedules)
   */
  public static Optional<ScheduleTransition> between(Condition before, Condition after) {
    boolean was = before != null && "True".equals(before.getStatus());
    boolean is = after != null && "True".equals(after.getStatus());
    if (!was && is) {
      return Optional.of(
          new ScheduleTransition(EventReasons.SCHEDULE_WINDOW_STARTED, after.getMessage()));
    }
    if (was && !is) {
      return Optional.of(
          new ScheduleTransition(
              EventReasons.SCHEDULE_WINDOW_ENDED, "ended: " + before.getMessage()));
    }
    return Optional.empty();
  }

  /** The sentence of the ScheduleActive condition for the window raising the floor. */
  static String describe(WindowState w) {
    String start = w.windowStart().map(Object::toString).orElse("?");
    String end = w.windowEnd().map(Object::toString).orElse("?");
    return w.phase() == WindowPhase.PRE_SCALE
        ? "schedule "
            + w.name()
            + " pre-scales to at least "
            + w.minReplicas()
            + " replicas: its window "
            + start
            + " – "
            + end
            + " opens within its lead time"
        : "schedule "
            + w.name()
            + " raises the floor to "
            + w.minReplicas()
            + " replicas in its window "
            + start
            + " – "
            + end;
  }
}
