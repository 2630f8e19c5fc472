package dev.headroom.simulator.sim;

/** One way of scaling every policy of a scenario. */
public interface Strategy {

  StrategyKind kind();

  /** The workload of the policy at {@code index} in scenario order. */
  Workload workload(int index);

  /** One reconcile round at the simulated clock's time. */
  void reconcile();
}
