package dev.headroom.engine.transition;

/** How a pool size reaches a workload's pods, as far as a transition must know. */
public enum PoolDeliveryMode {
  /** The policy delivers no pool (it has no connections): only replicas change. */
  NONE,
  /** Pods read the new pool where they run (a ConfigMap): nothing rolls. */
  IN_PLACE,
  /** A new pool changes the pod template: the pods roll. */
  RESTARTS_PODS
}
