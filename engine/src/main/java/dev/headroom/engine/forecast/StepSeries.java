package dev.headroom.engine.forecast;

import java.util.Arrays;
import java.util.List;

/**
 * History aggregated to epoch-aligned steps: the mean of the usable samples in each step, with
 * missing steps between the first and the last sample filled by linear interpolation. Index 0 is
 * the step that contains {@code fromSecond}; the step that contains {@code nowSecond} is excluded
 * because it is still filling.
 */
final class StepSeries {

  final long stepSeconds;

  /** Epoch step number of index 0. */
  final long firstStep;

  /** Step values; NaN before the first and after the last step with a sample. */
  final double[] values;

  /** Whether a step held a real sample (false: interpolated or empty). */
  final boolean[] present;

  /** Index of the first step with a sample, or -1. */
  final int firstPresent;

  final int presentCount;

  private StepSeries(
      long stepSeconds,
      long firstStep,
      double[] values,
      boolean[] present,
      int firstPresent,
      int presentCount) {
    this.stepSeconds = stepSeconds;
    this.firstStep = firstStep;
    this.values = values;
    this.present = present;
    this.firstPresent = firstPresent;
    this.presentCount = presentCount;
  }

  int length() {
    return values.length;
  }

  /**
   * Aggregates {@code samples} (already filtered to finite, non-negative values inside {@code
   * [fromSecond, nowSecond)}) into steps.
   */
  static StepSeries of(
      List<LoadSample> samples, long stepSeconds, long fromSecond, long nowSecond) {
    long firstStep = Math.floorDiv(fromSecond, stepSeconds);
    long nowStep = Math.floorDiv(nowSecond, stepSeconds);
    int n = (int) Math.max(0, nowStep - firstStep);
    double[] sums = new double[n];
    int[] counts = new int[n];
    for (LoadSample s : samples) {
      long idx = Math.floorDiv(s.at().getEpochSecond(), stepSeconds) - firstStep;
      if (idx >= 0 && idx < n) {
        sums[(int) idx] += s.value();
        counts[(int) idx]++;
      }
    }
    double[] values = new double[n];
    boolean[] present = new boolean[n];
    Arrays.fill(values, Double.NaN);
    int first = -1;
    int last = -1;
    int presentCount = 0;
    for (int i = 0; i < n; i++) {
      if (counts[i] > 0) {
        values[i] = sums[i] / counts[i];
        present[i] = true;
        presentCount++;
        if (first < 0) {
          first = i;
        }
        last = i;
      }
    }
    // Linear interpolation across inner gaps.
    int prev = first;
    for (int i = first + 1; first >= 0 && i <= last; i++) {
      if (present[i]) {
        for (int j = prev + 1; j < i; j++) {
          double w = (double) (j - prev) / (i - prev);
          values[j] = values[prev] + w * (values[i] - values[prev]);
        }
        prev = i;
      }
    }
    // Carry the last value to the end so that a short pause before now is not a hole.
    for (int i = last + 1; last >= 0 && i < n; i++) {
      values[i] = values[last];
    }
    return new StepSeries(stepSeconds, firstStep, values, present, first, presentCount);
  }
}
