package dev.headroom.simulator.metrics;

/**
 * Connections held against one budget under one strategy.
 *
 * @param peakConnections the largest Σ (pods + maxSurge) x pool over the run
 * @param breachMinutes minutes in which that sum exceeded maxConnections - reserved
 * @param breaches how many separate times it went over
 * @param peakExcess the most connections over the limit at any step
 */
public record BudgetMetrics(
    long peakConnections, double breachMinutes, long breaches, long peakExcess) {}
