package dev.headroom.engine.model;

/** Replica bounds of a policy: {@code min <= desired <= max}. */
public record Replicas(int min, int max) {

  /** Clamps {@code value} into {@code [min, max]}. */
  public int clamp(int value) {
    return Math.max(min, Math.min(max, value));
  }
}
