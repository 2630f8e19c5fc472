package dev.headroom.simulator.sim;

import dev.headroom.engine.model.Connections;
import dev.headroom.engine.model.PolicySpec;
import java.util.Optional;

/** Copies of a {@link PolicySpec} with other connections. */
public final class Specs {

  private Specs() {}

  public static PolicySpec withConnections(PolicySpec spec, Optional<Connections> connections) {
    return new PolicySpec(
        spec.id(),
        spec.replicas(),
        spec.load(),
        spec.concurrency(),
        spec.capacities(),
        connections,
        spec.schedules(),
        spec.forecast(),
        spec.behavior(),
        spec.mode());
  }

  /** The spec with its connections' {@code maxSurge} set to {@code surge}. */
  public static PolicySpec withSurge(PolicySpec spec, int surge) {
    if (spec.connections().isEmpty() || spec.connections().get().maxSurge() == surge) {
      return spec;
    }
    Connections c = spec.connections().get();
    return withConnections(
        spec, Optional.of(new Connections(c.budgetId(), c.poolMin(), c.poolMax(), surge)));
  }
}
