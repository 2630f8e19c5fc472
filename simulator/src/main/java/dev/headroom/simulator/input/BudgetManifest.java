package dev.headroom.simulator.input;

import dev.headroom.engine.budget.BudgetSpec;
import java.util.List;

/**
 * A ConnectionBudget as the simulator uses it.
 *
 * @param spec id ({@code namespace/name}), {@code maxConnections}, {@code reserved}, allocation
 * @param source file and document it came from
 * @param notes fields that were read but are not simulated
 */
public record BudgetManifest(BudgetSpec spec, String source, List<String> notes) {

  public BudgetManifest {
    notes = List.copyOf(notes);
  }

  public String id() {
    return spec.id();
  }
}
