package dev.headroom.simulator.metrics;

import java.util.Arrays;

/**
 * Downsamples a run into at most {@link #MAX_POINTS} buckets per series for the charts: per policy
 * the mean and peak request rate and, per strategy, the mean pods and mean served capacity; per
 * budget and strategy the peak connections. A bucket with no step stays NaN (a gap).
 */
public final class SeriesRecorder {

  public static final int MAX_POINTS = 1200;

  private final long start;
  private final long bucketSeconds;
  private final int buckets;
  private final int strategies;
  private final double[][] rateSum;
  private final double[][] rateMax;
  private final int[][] count;
  private final double[][][] pods;
  private final double[][][] capacity;
  private final double[][][] connections;

  public SeriesRecorder(
      long start, long stepSeconds, long steps, int policies, int budgets, int strategies) {
    long perBucket = Math.max(1, (steps + MAX_POINTS - 1) / MAX_POINTS);
    this.start = start;
    this.bucketSeconds = perBucket * stepSeconds;
    this.buckets = (int) Math.max(1, (steps + perBucket - 1) / perBucket);
    this.strategies = strategies;
    rateSum = new double[policies][buckets];
    rateMax = new double[policies][buckets];
    count = new int[policies][buckets];
    pods = new double[policies][strategies][buckets];
    capacity = new double[policies][strategies][buckets];
    connections = new double[budgets][strategies][buckets];
    for (double[][] perBudget : connections) {
      for (double[] series : perBudget) {
        Arrays.fill(series, Double.NaN);
      }
    }
  }

  private int bucket(long second) {
    return (int) Math.min(buckets - 1, (second - start) / bucketSeconds);
  }

  /** One step of one policy: the rate and, per strategy, pods and served capacity (req/s). */
  public void policy(
      int index, long second, double rate, int strategy, int podCount, double served) {
    int b = bucket(second);
    if (strategy == 0) {
      rateSum[index][b] += rate;
      rateMax[index][b] = Math.max(rateMax[index][b], rate);
      count[index][b]++;
    }
    pods[index][strategy][b] += podCount;
    capacity[index][strategy][b] += served;
  }

  /** One step of one budget under one strategy. */
  public void budget(int index, long second, int strategy, long held) {
    int b = bucket(second);
    double current = connections[index][strategy][b];
    connections[index][strategy][b] = Double.isNaN(current) ? held : Math.max(current, held);
  }

  public ChartData chart() {
    int policies = rateSum.length;
    double[][] rateMean = new double[policies][buckets];
    double[][] peak = new double[policies][buckets];
    double[][][] podMean = new double[policies][strategies][buckets];
    double[][][] capMean = new double[policies][strategies][buckets];
    for (int p = 0; p < policies; p++) {
      for (int b = 0; b < buckets; b++) {
        int n = count[p][b];
        rateMean[p][b] = n == 0 ? Double.NaN : rateSum[p][b] / n;
        peak[p][b] = n == 0 ? Double.NaN : rateMax[p][b];
        for (int s = 0; s < strategies; s++) {
          podMean[p][s][b] = n == 0 ? Double.NaN : pods[p][s][b] / n;
          capMean[p][s][b] = n == 0 ? Double.NaN : capacity[p][s][b] / n;
        }
      }
    }
    long[] times = new long[buckets];
    for (int b = 0; b < buckets; b++) {
      times[b] = start + b * bucketSeconds;
    }
    return new ChartData(
        times, bucketSeconds, rateMean, peak, podMean, capMean, deepCopy(connections));
  }

  private static double[][][] deepCopy(double[][][] in) {
    double[][][] out = new double[in.length][][];
    for (int i = 0; i < in.length; i++) {
      out[i] = new double[in[i].length][];
      for (int j = 0; j < in[i].length; j++) {
        out[i][j] = in[i][j].clone();
      }
    }
    return out;
  }
}
