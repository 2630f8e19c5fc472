package dev.headroom.engine.model;

/** Scale-up and scale-down behaviour with the meaning and defaults of HPA v2 {@code behavior}. */
public record Behavior(ScalingRules scaleUp, ScalingRules scaleDown) {

  public static Behavior defaults() {
    return new Behavior(ScalingRules.scaleUpDefaults(), ScalingRules.scaleDownDefaults());
  }
}
