package dev.headroom.engine.budget;

import java.util.List;

/**
 * Ordered steps from the current states to the targets such that the budget invariant holds in
 * every intermediate state, counting each stepping consumer at {@code (max(replicas) + maxSurge) x
 * max(pools)} while its step is in flight.
 *
 * @param available {@code maxConnections - reserved}
 * @param steps all steps, ordered by phase then consumer id
 * @param deferred grows that did not fit, or fit only in part
 * @param startsWithinBudget whether the current states already satisfied the invariant; when they
 *     did not, the plan still only shrinks before it grows and never grows past the budget
 */
public record TransitionPlan(
    long available,
    List<TransitionStep> steps,
    List<DeferredChange> deferred,
    boolean startsWithinBudget) {

  public TransitionPlan {
    steps = List.copyOf(steps);
    deferred = List.copyOf(deferred);
  }

  /** Number of phases (0 when there is nothing to do). */
  public int phases() {
    return steps.stream().mapToInt(TransitionStep::phase).max().orElse(0);
  }

  public List<TransitionStep> phase(int phase) {
    return steps.stream().filter(s -> s.phase() == phase).toList();
  }

  public boolean isEmpty() {
    return steps.isEmpty();
  }
}
