package dev.headroom.operator.review;

/**
 * Receives every decision a policy's round reached, once, where the round ends. Implementations
 * must be fast and must never throw: a recorder never holds a decision back.
 */
@FunctionalInterface
public interface DecisionRecorder {

  void recorded(DecisionEntry entry);

  /** Records nothing. */
  static DecisionRecorder none() {
    return entry -> {};
  }
}
