package dev.headroom.simulator.metrics;

/**
 * Downsampled series of a run, for the charts. Indexes: [policy][bucket],
 * [policy][strategy][bucket], [budget][strategy][bucket]; strategies in {@code StrategyKind} order.
 * NaN marks a bucket without data.
 *
 * @param times start of each bucket, epoch seconds
 * @param bucketSeconds length of a bucket
 * @param rateMean mean true request rate per bucket
 * @param rateMax peak true request rate per bucket
 * @param pods mean pods (ready and starting)
 * @param capacity mean served capacity, ready replicas x per-replica capacity, req/s
 * @param connections peak Σ (pods + maxSurge) x pool per budget
 */
public record ChartData(
    long[] times,
    long bucketSeconds,
    double[][] rateMean,
    double[][] rateMax,
    double[][][] pods,
    double[][][] capacity,
    double[][][] connections) {}
