package dev.headroom.simulator.forecast;

import dev.headroom.simulator.sim.StepListener;
import dev.headroom.simulator.sim.StrategyKind;
import java.time.Duration;
import java.util.Arrays;

/**
 * Measures, for one strategy over the evaluation part of a run, whether the daily peaks were met
 * before they arrived, and what it cost.
 *
 * <p>A <em>peak</em> is the step with the highest demand of each UTC day of the evaluation part
 * (the first such step if several tie). It is <em>met before it arrived</em> when the ready
 * replicas {@code leadTime} before the peak step already carried the peak's demand, and <em>met on
 * arrival</em> when the ready replicas in the peak step did. Replica-hours count every pod, ready
 * or starting, over the evaluation part. Because the HPA algorithm (and so Headroom's reactive path
 * and the forecast's replica arithmetic) leaves replicas alone within its 10% tolerance, a peak is
 * also counted as <em>met before within the band</em> when the ready replicas a lead time before
 * served its rate at up to {@link #BAND} times their target.
 */
public final class PeakMeter implements StepListener {

  /** A replica counted as serving up to this multiple of its target (the HPA tolerance band). */
  public static final double BAND = 1.1;

  private final StrategyKind kind;
  private final long evalStart;
  private final long end;
  private final long lead;
  private final double perReplica;
  private long dt;
  private double[] rates = new double[0];
  private int[] demand = new int[0];
  private int[] ready = new int[0];
  private double podSeconds;
  private double underSeconds;

  /**
   * @param perReplica requests per second one ready replica serves (the demand's divisor)
   */
  public PeakMeter(
      StrategyKind kind, long evalStart, long end, Duration leadTime, double perReplica) {
    this.kind = kind;
    this.perReplica = perReplica;
    this.evalStart = evalStart;
    this.end = end;
    this.lead = leadTime.getSeconds();
  }

  @Override
  public void step(
      long now,
      long stepSeconds,
      int policy,
      StrategyKind strategy,
      double rate,
      int stepDemand,
      int stepReady,
      int pods) {
    if (strategy != kind || policy != 0) {
      return;
    }
    if (dt == 0) {
      dt = stepSeconds;
      int n = (int) Math.max(0, (end - evalStart) / dt + 1);
      demand = new int[n];
      ready = new int[n];
      rates = new double[n];
      Arrays.fill(ready, -1);
    }
    long k = Math.floorDiv(now - evalStart, dt);
    if (k < 0 || k >= demand.length) {
      return;
    }
    demand[(int) k] = stepDemand;
    rates[(int) k] = rate;
    ready[(int) k] = stepReady;
    podSeconds += (double) pods * stepSeconds;
    if (stepReady < stepDemand) {
      underSeconds += stepSeconds;
    }
  }

  /** The peaks and the cost, for a run that has ended. */
  public PeakResult result() {
    int peaks = 0;
    int before = 0;
    int band = 0;
    int onArrival = 0;
    long leadSteps = dt == 0 ? 0 : (lead + dt - 1) / dt;
    int k = 0;
    while (k < demand.length && dt > 0) {
      long day = Math.floorDiv(evalStart + k * dt, 86_400L);
      int best = -1;
      int j = k;
      for (; j < demand.length; j++) {
        long d = Math.floorDiv(evalStart + j * dt, 86_400L);
        if (d != day) {
          break;
        }
        if (ready[j] >= 0 && (best < 0 || demand[j] > demand[best])) {
          best = j;
        }
      }
      if (best >= 0 && best - leadSteps >= 0 && ready[(int) (best - leadSteps)] >= 0) {
        peaks++;
        int early = ready[(int) (best - leadSteps)];
        if (early >= demand[best]) {
          before++;
        }
        if (early * perReplica * BAND >= rates[best] - 1e-9) {
          band++;
        }
        if (ready[best] >= demand[best]) {
          onArrival++;
        }
      }
      k = j;
    }
    return new PeakResult(
        kind, peaks, before, band, onArrival, podSeconds / 3600, underSeconds / 60);
  }
}
