package dev.headroom.simulator.quality;

import dev.headroom.simulator.input.Trace;

/**
 * Runs {@link ReferenceHpa} over a trace on its own clock: every sync it reads the rate over the
 * query window ending a metric delay ago, pods it adds are ready after the start-up delay, and
 * scale-downs remove starting pods first.
 */
public final class ReferenceRun {

  private final long dt;
  private final long sync;
  private final long startup;
  private final long delay;
  private final long window;

  /**
   * All in seconds; {@code sync}, {@code startup}, {@code delay} and {@code window} multiples of
   * {@code dt}.
   */
  public ReferenceRun(long dt, long sync, long startup, long delay, long window) {
    this.dt = dt;
    this.sync = sync;
    this.startup = startup;
    this.delay = delay;
    this.window = window;
  }

  /** Ready and all pods per step over the trace, from {@code initial} ready replicas. */
  public Series run(Trace trace, ReferenceHpa hpa, int initial) {
    long start = trace.startSecond();
    int steps = (int) ((trace.endSecond() - start) / dt);
    int[] ready = new int[steps];
    int[] pods = new int[steps];
    double[] cumulative = new double[trace.size() + 1];
    for (int i = 0; i < trace.size(); i++) {
      cumulative[i + 1] = cumulative[i] + trace.rate(i) * trace.intervalSeconds();
    }
    // readyAt[j]: when pod j (oldest first) is or was ready.
    long[] readyAt = new long[Math.max(16, initial)];
    int count = initial;
    for (int k = 0; k < steps; k++) {
      long now = start + (long) k * dt;
      if ((now - start) % sync == 0) {
        double usage = observed(trace, cumulative, now - delay);
        int desired = hpa.sync(now, usage);
        if (desired > count) {
          if (desired > readyAt.length) {
            readyAt = java.util.Arrays.copyOf(readyAt, Math.max(desired, readyAt.length * 2));
          }
          for (int j = count; j < desired; j++) {
            readyAt[j] = now + startup;
          }
        }
        count = desired;
      }
      int r = 0;
      for (int j = 0; j < count; j++) {
        if (readyAt[j] <= now) {
          r++;
        }
      }
      ready[k] = r;
      pods[k] = count;
    }
    return new Series(ready, pods);
  }

  private double observed(Trace trace, double[] cumulative, long to) {
    if (window == 0) {
      return rateAt(trace, to);
    }
    return (until(trace, cumulative, to) - until(trace, cumulative, to - window)) / window;
  }

  private static double rateAt(Trace trace, long second) {
    long i = Math.floorDiv(second - trace.startSecond(), trace.intervalSeconds());
    return trace.rate((int) Math.max(0, Math.min(trace.size() - 1, i)));
  }

  private static double until(Trace trace, double[] cumulative, long second) {
    long offset = second - trace.startSecond();
    if (offset <= 0) {
      return offset * trace.rate(0);
    }
    long interval = trace.intervalSeconds();
    long full = offset / interval;
    if (full >= trace.size()) {
      return cumulative[trace.size()]
          + (offset - interval * trace.size()) * trace.rate(trace.size() - 1);
    }
    return cumulative[(int) full] + (offset - full * interval) * trace.rate((int) full);
  }

  /** Ready and all pods per step. */
  public record Series(int[] ready, int[] pods) {}
}
