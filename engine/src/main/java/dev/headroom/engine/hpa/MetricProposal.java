package dev.headroom.engine.hpa;

import dev.headroom.engine.model.Reason;

/**
 * What the replica calculator proposes for one metric.
 *
 * @param available whether a proposal could be computed at all
 * @param replicas the proposed replica count (meaningless when not available)
 * @param usage the current metric value the proposal is based on (per-pod average, total, or
 *     utilization percent, depending on the metric type)
 * @param outcome how the proposal came about
 * @param why a short sentence for reasons and conditions, rendered by {@link #explanation()}
 */
public record MetricProposal(
    boolean available, int replicas, double usage, Outcome outcome, Reason why) {

  /** The sentence. */
  public String explanation() {
    return why.render();
  }

  /** How a proposal came about. */
  public enum Outcome {
    /** The usage ratio was applied. */
    SCALED,
    /** The usage ratio was within the tolerance: current replicas kept. */
    WITHIN_TOLERANCE,
    /**
     * Filling in missing or unready pods would have reversed the scale direction (or left the ratio
     * within tolerance): current replicas kept.
     */
    DIRECTION_HELD,
    /** No proposal: no usable data. */
    UNAVAILABLE
  }

  static MetricProposal unavailable(String explanation) {
    return new MetricProposal(false, 0, Double.NaN, Outcome.UNAVAILABLE, Reason.of(explanation));
  }

  static MetricProposal of(int replicas, double usage, Outcome outcome, Reason why) {
    return new MetricProposal(true, replicas, usage, outcome, why);
  }
}
