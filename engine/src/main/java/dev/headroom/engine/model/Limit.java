package dev.headroom.engine.model;

/** What, if anything, held the desired replica count back from the winning recommendation. */
public enum Limit {
  NONE,
  MIN,
  MAX,
  STABILIZATION,
  RATE_POLICY,
  TOLERANCE,
  BUDGET
}
