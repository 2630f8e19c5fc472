package dev.headroom.engine.model;

/** One source's recommendation with a sentence explaining it. */
public record Recommendation(Source source, int replicas, String reason) {}
