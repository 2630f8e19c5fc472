package dev.headroom.engine.model;

/** Whether decisions are applied to the workload. */
public enum Mode {
  /** Decisions are applied. */
  ENFORCE,
  /** Decisions are computed, recorded and explained, never applied. */
  DRY_RUN
}
