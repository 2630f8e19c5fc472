package dev.headroom.engine.model;

import java.time.Instant;

/** A scale change that happened, remembered for the rate policies. */
public record ScaleEvent(int replicaChange, Instant timestamp) {}
