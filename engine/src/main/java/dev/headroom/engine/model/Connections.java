package dev.headroom.engine.model;

/**
 * How a policy draws on a ConnectionBudget.
 *
 * @param budgetId {@code namespace/name} of the budget
 * @param poolMin smallest connection pool per replica the application can work with (>= 1)
 * @param poolMax largest useful pool per replica (>= poolMin)
 * @param maxSurge extra pods the workload may run during a rollout (its rolling-update maxSurge,
 *     resolved to a pod count); they hold connections too, so every budget figure counts them
 */
public record Connections(String budgetId, int poolMin, int poolMax, int maxSurge) {}
