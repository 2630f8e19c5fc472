package dev.headroom.engine.budget;

/** How a ConnectionBudget shares what is left after the guaranteed minimums. */
public enum AllocationStrategy {
  /** In proportion to each consumer's unmet demand. */
  PROPORTIONAL,
  /** Higher priority first; proportional to unmet demand inside one priority. */
  PRIORITY
}
