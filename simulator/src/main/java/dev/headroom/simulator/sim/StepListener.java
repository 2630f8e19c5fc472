package dev.headroom.simulator.sim;

/** Sees every measured simulation step, for measurements the reports do not make. */
@FunctionalInterface
public interface StepListener {

  StepListener NONE = (now, dt, policy, kind, rate, demand, ready, pods) -> {};

  /**
   * One policy under one strategy during the step {@code [now, now + dt)}.
   *
   * @param demand replicas the true rate needs
   * @param ready ready replicas
   * @param pods all pods, ready or starting
   */
  void step(
      long now,
      long dt,
      int policy,
      StrategyKind kind,
      double rate,
      int demand,
      int ready,
      int pods);
}
