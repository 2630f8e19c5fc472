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
 * @param spec the engine's view; its load holds only {@code fedSignal}, and its connections (if
 *     any) carry {@code maxSurge} 0 until the simulator resolves the surge for a replica count
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
    PolicySpec spec,
    Optional<LoadSignal> fedSignal,
    OptionalInt maxSurge,
    int priority,
    List<String> notes) {

  public PolicyManifest {
    notes = List.copyOf(notes);
  }

  public Optional<String> budgetId() {
    return spec.connections().map(c -> c.budgetId());
  }
}
