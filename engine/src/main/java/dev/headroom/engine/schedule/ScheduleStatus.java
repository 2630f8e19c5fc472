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

  public ScheduleStatus {
    windows = List.copyOf(windows);
  }

  /** The floor raised by schedules, if any window is active or pre-scaling. */
  public OptionalInt minReplicas() {
    return winner.map(w -> OptionalInt.of(w.minReplicas())).orElse(OptionalInt.empty());
  }

  public boolean active() {
    return winner.isPresent();
  }
}
