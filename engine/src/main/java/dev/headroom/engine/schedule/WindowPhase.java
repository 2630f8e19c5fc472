package dev.headroom.engine.schedule;

/** Where an instant stands relative to a schedule's windows. */
public enum WindowPhase {
  /** Inside a window: {@code start <= t < start + duration}. */
  ACTIVE,
  /** Within the lead time before a window: {@code start - leadTime <= t < start}. */
  PRE_SCALE,
  /** Neither. */
  INACTIVE
}
