package dev.headroom.engine.validation;

/**
 * One rule an input breaks.
 *
 * @param field path of the offending field, e.g. {@code spec.replicas.min}
 * @param message why, with the offending value
 */
public record Violation(String field, String message) {

  @Override
  public String toString() {
    return field + ": " + message;
  }
}
