package dev.headroom.engine.model;

import java.time.Duration;

/**
 * Settings of the seasonal forecaster. The forecaster itself lives outside the decision engine;
 * the engine only consumes its recommendation ({@link Observation#forecastReplicas()}), which may
 * raise replicas but never lower them.
 */
public record ForecastSpec(boolean enabled, Duration lookback, Duration horizon, Duration leadTime) {}
