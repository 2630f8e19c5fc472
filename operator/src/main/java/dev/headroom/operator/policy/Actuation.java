package dev.headroom.operator.policy;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the actuator did this round.
 *
 * @param replicas replicas the workload asks for after this round
 * @param pool pool size the workload gives new pods after this round, if known
 * @param actions what was written, in order (empty: nothing)
 * @param waiting why a part of the decision was held back, if it was
 * @param inUseBound upper bound of the connections the workload may hold from now on
 */
public record Actuation(
    int replicas,
    OptionalInt pool,
    List<String> actions,
    Optional<String> waiting,
    long inUseBound) {

  public boolean changed() {
    return !actions.isEmpty();
  }
}
