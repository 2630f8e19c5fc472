package dev.headroom.engine.grant;

import java.util.OptionalLong;

/**
 * What a budget measured of the connections in use on the server this round: nothing asked ({@link
 * #none()}), a count ({@link #of(long)}), or a measurement that was asked for and failed ({@link
 * #failed()}), which blocks grows as an unreported consumer does (fail static).
 */
public record Measurement(boolean asked, OptionalLong connections) {

  public Measurement {
    if (!asked && connections.isPresent()) {
      throw new IllegalArgumentException("a measurement not asked for has no count");
    }
    if (connections.isPresent() && connections.getAsLong() < 0) {
      throw new IllegalArgumentException(
          "measured connections must not be negative: " + connections.getAsLong());
    }
  }

  public static Measurement none() {
    return new Measurement(false, OptionalLong.empty());
  }

  public static Measurement of(long connections) {
    return new Measurement(true, OptionalLong.of(connections));
  }

  public static Measurement failed() {
    return new Measurement(true, OptionalLong.empty());
  }
}
