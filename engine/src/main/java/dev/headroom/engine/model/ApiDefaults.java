package dev.headroom.engine.model;

import java.time.Duration;

/**
 * The defaults of the {@code headroom.dev/v1alpha1} API, in one place: the operator's CRD classes
 * name them in their schema defaults, and both hosts' spec mappers fall back to them when a field
 * is absent. Durations are kept as the API writes them.
 */
public final class ApiDefaults {

  /** ScalingPolicy {@code spec.mode}, as the API spells it. */
  public static final String MODE = "Enforce";

  /** ScalingPolicy {@code spec.ownership}, as the API spells it. */
  public static final String OWNERSHIP = "Replicas";

  /** {@code spec.load.signals[].type}, as the API spells it. */
  public static final String SIGNAL_TYPE = "AverageValue";

  /** {@code spec.connections.priority}. */
  public static final int CONNECTIONS_PRIORITY = 0;

  /** ConnectionBudget {@code spec.reserved}. */
  public static final int BUDGET_RESERVED = 0;

  /** ConnectionBudget {@code spec.allocation}, as the API spells it. */
  public static final String BUDGET_ALLOCATION = "Proportional";

  /** {@code spec.capacity.targetUtilization}: share of the scarcest resource planned for. */
  public static final double TARGET_UTILIZATION = 0.8;

  /** {@code spec.schedules[].timeZone}. */
  public static final String TIME_ZONE = "UTC";

  /** {@code spec.schedules[].leadTime}. */
  public static final Duration SCHEDULE_LEAD_TIME = Duration.ZERO;

  /** {@code spec.forecast.enabled}. */
  public static final boolean FORECAST_ENABLED = true;

  /** {@code spec.forecast.lookback}. */
  public static final String FORECAST_LOOKBACK = "14d";

  /** {@code spec.forecast.horizon}. */
  public static final String FORECAST_HORIZON = "1h";

  /** {@code spec.forecast.leadTime}. */
  public static final String FORECAST_LEAD_TIME = "10m";

  /** {@code spec.forecast.seasonality}, as the API spells it. */
  public static final String FORECAST_SEASONALITY = "Weekly";

  private ApiDefaults() {}

  public static Duration forecastLookback() {
    return ApiDurations.parse(FORECAST_LOOKBACK);
  }

  public static Duration forecastHorizon() {
    return ApiDurations.parse(FORECAST_HORIZON);
  }

  public static Duration forecastLeadTime() {
    return ApiDurations.parse(FORECAST_LEAD_TIME);
  }
}
