package dev.headroom.engine.budget;

/** A grow the plan could not fit (fully): retried on a later plan. */
public record DeferredChange(
    String consumerId, int targetReplicas, int targetPool, String reason) {}
