package dev.headroom.engine.model;

import java.time.Instant;

/** An unstabilized recommendation remembered for the stabilization windows. */
public record TimestampedRecommendation(int replicas, Instant timestamp) {}
