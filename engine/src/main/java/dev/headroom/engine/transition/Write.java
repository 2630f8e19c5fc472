package dev.headroom.engine.transition;

import java.util.OptionalInt;

/** One write a host makes to move a workload, in the order of a {@link WorkloadPlan}. */
public sealed interface Write {

  /** Whether this write raises what the workload may hold. */
  boolean grows();

  /** Set the workload's replicas (its scale). */
  record Scale(int from, int to) implements Write {
    @Override
    public boolean grows() {
      return to > from;
    }
  }

  /**
   * Deliver a pool size to the workload's pods. Setting a pool that was not set is a shrink: an
   * unset pool is counted as the policy's largest.
   */
  record Pool(OptionalInt from, int to) implements Write {
    @Override
    public boolean grows() {
      return from.isPresent() && to > from.getAsInt();
    }
  }
}
