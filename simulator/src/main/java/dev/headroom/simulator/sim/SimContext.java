package dev.headroom.simulator.sim;

import java.util.ArrayList;
import java.util.List;

/** What every strategy of a run shares: the scenario, load models, settings and the clock. */
public final class SimContext {

  private final Scenario scenario;
  private final SimulationSettings settings;
  private final SimClock clock;
  private final List<LoadModel> loads;
  private final long start;

  public SimContext(Scenario scenario, SimulationSettings settings, SimClock clock) {
    this.scenario = scenario;
    this.settings = settings;
    this.clock = clock;
    this.loads = new ArrayList<>();
    for (ScenarioPolicy p : scenario.policies()) {
      loads.add(new LoadModel(p.manifest(), p.trace(), settings));
    }
    this.start = clock.epochSecond();
  }

  public Scenario scenario() {
    return scenario;
  }

  public SimulationSettings settings() {
    return settings;
  }

  public SimClock clock() {
    return clock;
  }

  public int size() {
    return loads.size();
  }

  public ScenarioPolicy policy(int index) {
    return scenario.policies().get(index);
  }

  public LoadModel load(int index) {
    return loads.get(index);
  }

  public long startupSeconds() {
    return settings.startupDelay().getSeconds();
  }

  /**
   * Replicas every strategy starts with: what the rate read at the start needs, within the policy's
   * bounds, all ready (the service was running before the trace begins).
   */
  public int initialReplicas(int index) {
    LoadModel load = loads.get(index);
    return policy(index)
        .manifest()
        .spec()
        .replicas()
        .clamp(load.replicasFor(load.observedRate(start)));
  }

  /** Pool per pod of the baselines: the fixed pool option, or {@code poolSize.max}; 0 without. */
  public int baselinePool(int index) {
    return policy(index)
        .manifest()
        .spec()
        .connections()
        .map(c -> settings.baselinePool().orElse(c.poolMax()))
        .orElse(0);
  }
}
