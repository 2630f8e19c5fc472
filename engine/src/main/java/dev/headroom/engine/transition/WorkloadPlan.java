package dev.headroom.engine.transition;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What one round does to a workload.
 *
 * @param writes what to write, in order (empty: nothing)
 * @param replicas replicas the workload asks for after the writes
 * @param pool pool the workload gives new pods after the writes, if known
 * @param waiting why a part of the decision was held back, if it was
 * @param inUseBound upper bound of the connections the workload may hold from now on
 */
public record WorkloadPlan(
    List<Write> writes, int replicas, OptionalInt pool, Optional<String> waiting, long inUseBound) {

  public WorkloadPlan {
    writes = List.copyOf(writes);
  }

  public boolean changes() {
    return !writes.isEmpty();
  }

  /** Whether any write of the plan raises what the workload may hold. */
  public boolean grows() {
    return writes.stream().anyMatch(Write::grows);
  }
}
