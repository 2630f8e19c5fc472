package dev.headroom.simulator.sim;

import dev.headroom.simulator.metrics.BudgetMetrics;
import java.util.List;
import java.util.Map;

/**
 * One budget's outcome per strategy.
 *
 * @param id {@code namespace/name}
 * @param maxConnections {@code spec.maxConnections}
 * @param reserved {@code spec.reserved}
 * @param available {@code maxConnections - reserved}, the limit breaches are counted against
 * @param consumers ids of the policies drawing on it
 * @param strategies metrics per strategy, in {@link StrategyKind} order
 */
public record BudgetResult(
    String id,
    int maxConnections,
    int reserved,
    long available,
    List<String> consumers,
    Map<StrategyKind, BudgetMetrics> strategies) {}
