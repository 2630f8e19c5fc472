package dev.headroom.engine.model;

/** How several rate policies combine, as in HPA v2 {@code ScalingPolicySelect}. */
public enum SelectPolicy {
  /** The policy allowing the largest change wins (HPA default). */
  MAX,
  /** The policy allowing the smallest change wins. */
  MIN,
  /** No change in this direction at all. */
  DISABLED
}
