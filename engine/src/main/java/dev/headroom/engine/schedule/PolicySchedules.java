package dev.headroom.engine.schedule;

import dev.headroom.engine.model.ScheduleSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The schedules of one policy with their states cached ({@link ScheduleWindows}): {@link #at}
 * equals {@code new ScheduleEvaluator().evaluate(schedules, now)}, and while no schedule changes
 * state it returns the same {@link ScheduleStatus} object. Thread-safe.
 */
public final class PolicySchedules {

  private final ScheduleWindows[] windows;
  private volatile ScheduleStatus last;

  public PolicySchedules(List<ScheduleSpec> schedules) {
    this.windows = schedules.stream().map(ScheduleWindows::new).toArray(ScheduleWindows[]::new);
  }

  public ScheduleStatus at(Instant now) {
    if (windows.length == 0) {
      return ScheduleStatus.NONE;
    }
    ScheduleStatus previous = last;
    if (previous != null && unchanged(previous, now)) {
      return previous;
    }
    List<WindowState> states = new ArrayList<>(windows.length);
    for (ScheduleWindows w : windows) {
      states.add(w.at(now));
    }
    ScheduleStatus status = ScheduleStatus.of(states);
    last = status;
    return status;
  }

  /** Every schedule is in the very state (same object) it was in for {@code previous}. */
  private boolean unchanged(ScheduleStatus previous, Instant now) {
    List<WindowState> states = previous.windows();
    for (int i = 0; i < windows.length; i++) {
      if (windows[i].at(now) != states.get(i)) {
        return false;
      }
    }
    return true;
  }
}
