package dev.headroom.testbed;

/** The test bed could not be brought up or asked; the message is the script's one-line cause. */
public class TestBedException extends RuntimeException {

  public TestBedException(String message) {
    super(message);
  }

  public TestBedException(String message, Throwable cause) {
    super(message, cause);
  }
}
