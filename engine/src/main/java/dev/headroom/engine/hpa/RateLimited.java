package dev.headroom.engine.hpa;

/** Replicas after the rate policies and bounds, with the HPA's condition reason. */
public record RateLimited(int replicas, String reason) {}
