package dev.headroom.engine.budget;

/** Whether a step only lowers (SHRINK) or only raises (GROW) a consumer's replicas or pool. */
public enum StepKind {
  SHRINK,
  GROW
}
