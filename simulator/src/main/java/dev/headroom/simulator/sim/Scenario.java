package dev.headroom.simulator.sim;

import dev.headroom.simulator.input.BudgetManifest;
import dev.headroom.simulator.input.ManifestException;
import dev.headroom.simulator.input.Manifests;
import dev.headroom.simulator.input.PolicyManifest;
import dev.headroom.simulator.input.Trace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one simulation runs: policies with their traces, and the budgets they draw on. Policies and
 * budgets are kept sorted by id, so the order of files and options does not matter.
 *
 * @param title shown in reports
 * @param policies sorted by id
 * @param budgets the budgets at least one policy draws on, sorted by id
 * @param notes what the inputs hold that the simulation leaves out, one sentence each
 */
public record Scenario(
    String title, List<ScenarioPolicy> policies, List<BudgetManifest> budgets, List<String> notes) {

  public Scenario {
    policies = List.copyOf(policies);
    budgets = List.copyOf(budgets);
    notes = List.copyOf(notes);
  }

  /**
   * Pairs policies with traces. {@code traces} is keyed by policy name or {@code namespace/name};
   * {@code forAll} drives every policy without a trace of its own. A policy whose budget is not
   * among the inputs is simulated without a budget, with a note.
   */
  public static Scenario assemble(
      String title, Manifests manifests, Map<String, Trace> traces, Optional<Trace> forAll) {
    if (manifests.policies().isEmpty()) {
      throw new ManifestException("no ScalingPolicy in the given files");
    }
    Map<String, BudgetManifest> budgets = new TreeMap<>();
    manifests.budgets().forEach(b -> budgets.put(b.id(), b));
    Set<String> unused = new TreeSet<>(traces.keySet());
    Set<String> used = new TreeSet<>();
    List<String> notes = new ArrayList<>();
    Map<String, ScenarioPolicy> policies = new TreeMap<>();
    for (PolicyManifest p : manifests.policies()) {
      Trace trace = traces.get(p.id());
      unused.remove(p.id());
      if (trace == null) {
        trace = traces.get(p.name());
      }
      unused.remove(p.name());
      if (trace == null) {
        trace =
            forAll.orElseThrow(
                () ->
                    new ManifestException(
                        "no trace for ScalingPolicy '"
                            + p.id()
                            + "': pass --trace "
                            + p.name()
                            + "=FILE.csv"));
      }
      PolicyManifest manifest = p;
      if (p.budgetId().isPresent() && !budgets.containsKey(p.budgetId().get())) {
        notes.add(
            p.id()
                + " draws on ConnectionBudget '"
                + p.budgetId().get()
                + "', which is not among the inputs: simulated without a budget");
        manifest =
            new PolicyManifest(
                p.id(),
                p.name(),
                p.source(),
                Specs.withConnections(p.spec(), Optional.empty()),
                p.fedSignal(),
                p.maxSurge(),
                p.priority(),
                p.notes());
      }
      manifest.budgetId().ifPresent(used::add);
      for (String note : manifest.notes()) {
        notes.add(p.id() + ": " + note);
      }
      policies.put(p.id(), new ScenarioPolicy(manifest, trace));
    }
    if (!unused.isEmpty()) {
      throw new ManifestException(
          "--trace names no ScalingPolicy: "
              + String.join(", ", unused)
              + " (policies: "
              + String.join(", ", policies.keySet())
              + ")");
    }
    Map<String, BudgetManifest> kept = new LinkedHashMap<>();
    for (BudgetManifest b : budgets.values()) {
      if (used.contains(b.id())) {
        kept.put(b.id(), b);
        b.notes().forEach(n -> notes.add(b.id() + ": " + n));
      } else {
        notes.add("ConnectionBudget '" + b.id() + "' has no consumer among the policies: left out");
      }
    }
    return new Scenario(
        title, new ArrayList<>(policies.values()), new ArrayList<>(kept.values()), notes);
  }

  /** Indexes of the policies drawing on {@code budgetId}, in policy order. */
  public List<Integer> consumersOf(String budgetId) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < policies.size(); i++) {
      if (policies.get(i).manifest().budgetId().filter(budgetId::equals).isPresent()) {
        out.add(i);
      }
    }
    return out;
  }
}
