package dev.headroom.operator.status;

/** Condition types Headroom sets on its resources. */
public final class ConditionTypes {

  /** Policy and budget: the last reconcile succeeded and the resource is being acted on. */
  public static final String READY = "Ready";

  /** Policy: every load signal returned a usable value. */
  public static final String METRICS_AVAILABLE = "MetricsAvailable";

  /** Policy: the budget grant capped replicas or pool size. */
  public static final String BUDGET_LIMITED = "BudgetLimited";

  /** Policy: a schedule window is open or about to open. */
  public static final String SCHEDULE_ACTIVE = "ScheduleActive";

  /** Policy: the forecast has enough history to be used. */
  public static final String FORECAST_READY = "ForecastReady";

  /** Policy: another autoscaler (HPA, KEDA) targets the same workload. */
  public static final String CONFLICT = "Conflict";

  /** Budget: the guaranteed minimums alone exceed maxConnections - reserved. */
  public static final String OVERCOMMITTED = "Overcommitted";

  /** Budget: connections in use exceed what is available. */
  public static final String BREACHED = "Breached";

  private ConditionTypes() {}
}
