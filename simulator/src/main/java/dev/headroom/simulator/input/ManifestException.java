package dev.headroom.simulator.input;

/**
 * A ScalingPolicy or ConnectionBudget file that cannot be simulated; the message names the file,
 * the document and the field.
 */
public final class ManifestException extends RuntimeException {

  public ManifestException(String message) {
    super(message);
  }

  public ManifestException(String message, Throwable cause) {
    super(message, cause);
  }
}
