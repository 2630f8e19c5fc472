package dev.headroom.engine.model;

import java.time.Duration;

/**
 * Settings of the seasonal forecaster ({@code dev.headroom.engine.forecast}). The decision engine
 * only consumes the forecaster's recommendation ({@link Observation#forecastReplicas()}), which may
 * raise replicas but never lower them.
 *
 * @param enabled whether the forecast takes part in decisions
 * @param lookback history to learn from (e.g. 14 d); must cover at least one season plus the
 *     horizon for the forecast to be ready
 * @param horizon how far ahead the forecast is computed and reported (peak over {@code [now, now +
 *     horizon]})
 * @param leadTime how long before predicted load the replicas must be there
 * @param seasonality the season to learn ({@link Seasonality#WEEKLY} when null)
 * @param signal name of the load signal to forecast; null means the policy's first load signal
 */
public record ForecastSpec(
    boolean enabled,
    Duration lookback,
    Duration horizon,
    Duration leadTime,
    Seasonality seasonality,
    String signal) {

  public ForecastSpec {
    seasonality = seasonality == null ? Seasonality.WEEKLY : seasonality;
  }

  /** Weekly season on the first load signal. */
  public ForecastSpec(boolean enabled, Duration lookback, Duration horizon, Duration leadTime) {
    this(enabled, lookback, horizon, leadTime, Seasonality.WEEKLY, null);
  }
}
