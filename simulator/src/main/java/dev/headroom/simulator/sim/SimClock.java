package dev.headroom.simulator.sim;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The simulated clock: stands still until the simulator moves it. Strategies read the time from it
 * and from nowhere else, so a run is a pure function of its inputs.
 */
public final class SimClock extends Clock {

  private long epochSecond;

  public SimClock(long epochSecond) {
    this.epochSecond = epochSecond;
  }

  /** Moves the clock to {@code second}; time never goes back. */
  public void moveTo(long second) {
    if (second < epochSecond) {
      throw new IllegalArgumentException("the simulated clock cannot go back");
    }
    epochSecond = second;
  }

  public long epochSecond() {
    return epochSecond;
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochSecond(epochSecond);
  }

  @Override
  public long millis() {
    return epochSecond * 1000;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the simulated clock is UTC only");
  }
}
