package dev.headroom.engine.budget;

/** Where a consumer should end up: replicas and pool per replica. */
public record TargetState(String id, int replicas, int pool) {}
