package dev.headroom.simulator.sim;

import dev.headroom.simulator.metrics.BudgetMetrics;
import dev.headroom.simulator.metrics.ChartData;
import dev.headroom.simulator.metrics.ElasticityMetrics;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything one run produced.
 *
 * @param title the scenario's title
 * @param settings the simulated cluster
 * @param stepSeconds the simulation step
 * @param start simulation start
 * @param end simulation end
 * @param steps number of steps
 * @param policies per policy, sorted by id
 * @param budgets per budget, sorted by id
 * @param totals all policies pooled, per strategy
 * @param budgetTotals all budgets together, per strategy: the largest peak and excess, the summed
 *     breach minutes and breaches
 * @param notes inputs the simulation leaves out, and when and why a forecast was not ready
 * @param chart downsampled series
 */
public record SimulationResult(
    String title,
    SimulationSettings settings,
    long stepSeconds,
    Instant start,
    Instant end,
    long steps,
    List<PolicyResult> policies,
    List<BudgetResult> budgets,
    Map<StrategyKind, ElasticityMetrics> totals,
    Map<StrategyKind, BudgetMetrics> budgetTotals,
    List<String> notes,
    ChartData chart) {}
