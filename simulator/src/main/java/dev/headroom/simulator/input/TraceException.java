package dev.headroom.simulator.input;

/** A trace CSV that cannot be used; the message names the file and the line. */
public final class TraceException extends RuntimeException {

  public TraceException(String message) {
    super(message);
  }

  public TraceException(String message, Throwable cause) {
    super(message, cause);
  }
}
