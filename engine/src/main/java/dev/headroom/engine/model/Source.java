package dev.headroom.engine.model;

/** Where a replica recommendation came from. */
public enum Source {
  /** HPA v2 algorithm over the load signals. */
  REACTIVE,
  /** Capacity model: in-flight load over per-replica capacity of the scarcest resource. */
  CAPACITY,
  /** A schedule window (or its lead time) raising the floor. */
  SCHEDULE,
  /** The forecaster's recommendation (only ever raises). */
  FORECAST,
  /** {@code replicas.min}/{@code replicas.max}. */
  BOUNDS,
  /** The connection budget grant. */
  BUDGET,
  /** Metrics were missing: the current replica count is kept (fail static). */
  FAIL_STATIC
}
