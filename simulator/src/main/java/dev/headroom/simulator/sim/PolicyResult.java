package dev.headroom.simulator.sim;

import dev.headroom.simulator.metrics.ElasticityMetrics;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One policy's outcome per strategy.
 *
 * @param id {@code namespace/name}
 * @param traceSource the trace file or bundled name
 * @param traceStart first interval start
 * @param traceEnd last interval end
 * @param intervalSeconds trace interval
 * @param rows trace rows
 * @param peakRate largest per-interval rate, req/s
 * @param perReplicaCapacity req/s one ready replica serves
 * @param minReplicas {@code spec.replicas.min}
 * @param maxReplicas {@code spec.replicas.max}
 * @param staticReplicas replicas of the static-peak baseline
 * @param budgetId the budget it draws on, if any
 * @param strategies metrics per strategy, in {@link StrategyKind} order
 */
public record PolicyResult(
    String id,
    String traceSource,
    Instant traceStart,
    Instant traceEnd,
    long intervalSeconds,
    int rows,
    double peakRate,
    double perReplicaCapacity,
    int minReplicas,
    int maxReplicas,
    int staticReplicas,
    Optional<String> budgetId,
    Map<StrategyKind, ElasticityMetrics> strategies) {}
