package dev.headroom.simulator.input;

import dev.headroom.engine.model.LoadSignal;
import dev.headroom.engine.model.PolicySpec;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A ScalingPolicy as the simulator uses it.
 *
 * @param id {@code namespace/name}
 * @param name {@code metadata.name}
 * @param source file and document it came from
 * @param declared the engine spec as the operator maps the same document: every load signal, the
 *     declared mode, and connections carrying {@code spec.connections.maxSurge} (0 when absent,
 *     where the operator resolves the surge from the rollout strategy)
 * @param spec the engine's view as simulated: {@code declared} with only {@code fedSignal} as load,
 *     {@code Enforce} as mode, a forecast signal the trace does not feed dropped, and connections
 *     (if any) carrying {@code maxSurge} 0 until the simulator resolves the surge for a replica
 *     count; every difference from {@code declared} is one of {@code notes}
 * @param fedSignal the load signal the trace's request rate feeds (the first {@code AverageValue}
 *     signal), if any
 * @param maxSurge {@code spec.connections.maxSurge} when set
 * @param priority {@code spec.connections.priority} (0 when absent)
 * @param notes fields that were read but are not simulated, one sentence each
 */
public record PolicyManifest(
    String id,
    String name,
    String source,
    PolicySpec declared,
    PolicySpec spec,
    Optional<LoadSignal> fedSignal,
    OptionalInt maxSurge,
    int priority,
    List<String> notes) {

  public PolicyManifest {
    notes = List.copyOf(notes);
  }

  /** The same policy simulated with {@code other} as its engine view. */
  public PolicyManifest withSpec(PolicySpec other) {
    return new PolicyManifest(
        id, name, source, declared, other, fedSignal, maxSurge, priority, notes);
  }

  public Optional<String> budgetId() {
    return spec.connections().map(c -> c.budgetId());
  }
}
