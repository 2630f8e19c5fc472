package dev.headroom.simulator.input;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A request trace: one count per fixed interval, no gaps. The rate inside an interval is constant:
 * {@code requests / interval seconds} requests per second.
 *
 * @param source where it came from (a file path, or a name for bundled traces)
 * @param start start of the first interval
 * @param intervalSeconds length of every interval, in whole seconds
 * @param requests the count per interval
 */
public record Trace(String source, Instant start, long intervalSeconds, double[] requests) {

  public Trace {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(start, "start");
    if (intervalSeconds <= 0) {
      throw new IllegalArgumentException("interval must be positive");
    }
    if (requests.length == 0) {
      throw new IllegalArgumentException("a trace needs at least one interval");
    }
    requests = requests.clone();
  }

  public int size() {
    return requests.length;
  }

  public Duration interval() {
    return Duration.ofSeconds(intervalSeconds);
  }

  public long startSecond() {
    return start.getEpochSecond();
  }

  /** End of the last interval (exclusive), in epoch seconds. */
  public long endSecond() {
    return startSecond() + intervalSeconds * requests.length;
  }

  /** Requests per second in interval {@code i}. */
  public double rate(int i) {
    return requests[i] / intervalSeconds;
  }

  /** The largest per-interval rate. */
  public double peakRate() {
    double peak = 0;
    for (int i = 0; i < requests.length; i++) {
      peak = Math.max(peak, rate(i));
    }
    return peak;
  }

  /** Copy of the counts, for callers that index them directly. */
  public double[] requestsCopy() {
    return requests.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Trace t
        && source.equals(t.source)
        && start.equals(t.start)
        && intervalSeconds == t.intervalSeconds
        && java.util.Arrays.equals(requests, t.requests);
  }

  @Override
  public int hashCode() {
    return Objects.hash(source, start, intervalSeconds, java.util.Arrays.hashCode(requests));
  }

  @Override
  public String toString() {
    return "Trace[" + source + ", " + requests.length + " x " + interval() + " from " + start + "]";
  }
}
