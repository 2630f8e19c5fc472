package dev.headroom.engine.forecast;

/**
 * How the seasonal reference for a future step is formed. All methods work on the history
 * aggregated to forecast steps and aligned to the season (UTC, epoch-aligned slots, so a weekly
 * season keeps weekdays aligned). See docs/forecasting.md for the measurements behind the default.
 */
public enum ForecastMethod {
  /** The value one season earlier, as is. */
  SEASONAL_NAIVE,
  /**
   * The value one season earlier, times a robust level factor: the median ratio of recent actual
   * load to what the same method would have predicted for it.
   */
  SEASONAL_NAIVE_LEVEL,
  /**
   * The median of the same slot over the last few seasons (up to {@link
   * ForecastSettings#maxSeasons()}), times the robust level factor.
   */
  SEASONAL_MEDIAN_LEVEL
}
