package dev.headroom.simulator.metrics;

/**
 * How well one strategy provisioned one policy (or all policies, pooled). Definitions with the
 * formulas and the citation: docs/simulator.md.
 *
 * @param replicaHours pod-hours, starting pods included
 * @param underProvisionedMinutes minutes in which demand exceeded the ready replicas' capacity
 * @param overProvisionedShare percent of ready replica-time beyond what demand needed
 * @param thetaU under-provisioning accuracy θU, percent
 * @param thetaO over-provisioning accuracy θO, percent
 * @param tauU under-provisioning time share τU, percent
 * @param tauO over-provisioning time share τO, percent
 * @param instability instability υ, percent
 * @param jitterPerHour jitter j, supply adaptations minus demand changes per hour
 * @param supplyChanges steps in which the ready replicas changed
 * @param demandChanges steps in which the demanded replicas changed
 * @param unservedShare percent of requests beyond the ready replicas' capacity
 * @param budgetLimitedMinutes minutes in which the budget capped replicas (Headroom only)
 */
public record ElasticityMetrics(
    double replicaHours,
    double underProvisionedMinutes,
    double overProvisionedShare,
    double thetaU,
    double thetaO,
    double tauU,
    double tauO,
    double instability,
    double jitterPerHour,
    long supplyChanges,
    long demandChanges,
    double unservedShare,
    double budgetLimitedMinutes) {}
