package dev.headroom.engine.schedule;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * All schedules of a policy at one instant.
 *
 * @param windows every schedule's state, in spec order
 * @param winner the schedule raising the floor the most (ties: the first in spec order)
 */
public record ScheduleStatus(List<WindowState> windows, Optional<WindowState> winner) {

  /** A policy without schedules. */
  public static final ScheduleStatus NONE = new ScheduleStatus(List.of(), Optional.empty());

  public ScheduleStatus {
    windows = List.copyOf(windows);
  }

  /** The status of these states: the highest floor among active or pre-scaling ones wins. */
  public static ScheduleStatus of(List<WindowState> states) {
    WindowState winner = null;
    for (WindowState state : states) {
      if (state.raisesFloor() && (winner == null || state.minReplicas() > winner.minReplicas())) {
        winner = state;
      }
    }
    return new ScheduleStatus(states, Optional.ofNullable(winner));
  }

  /** The floor raised by schedules, if any window is active or pre-scaling. */
  public OptionalInt minReplicas() {
    return winner.map(w -> OptionalInt.of(w.minReplicas())).orElse(OptionalInt.empty());
  }

  public boolean active() {
    return winner.isPresent();
  }
}
