package dev.headroom.operator.status;

/**
 * Every reason Headroom writes into an Event or a condition, in one place so that alerts and docs
 * can rely on them (docs/troubleshooting.md explains each).
 */
public final class EventReasons {

  // Decisions
  /** Replicas were changed. */
  public static final String SCALED = "Scaled";

  /** The pool size per replica was changed. */
  public static final String POOL_RESIZED = "PoolResized";

  /** DryRun: a change was decided and recorded but not applied. */
  public static final String DRY_RUN_DECISION = "DryRunDecision";

  /** The budget grant capped replicas below what the load asks for. */
  public static final String BUDGET_LIMITED = "BudgetLimited";

  /** A step is waiting for a rollout or another consumer to shrink first. */
  public static final String WAITING_FOR_ROLLOUT = "WaitingForRollout";

  /** Nothing to change. */
  public static final String STEADY = "Steady";

  /** The first acting round recorded what the target runs; Headroom acts from the next round. */
  public static final String FIRST_OBSERVED = "FirstObserved";

  /** DryRun: decisions are recorded and never applied. */
  public static final String DRY_RUN = "DryRun";

  /** The grant covers the decision. */
  public static final String WITHIN_GRANT = "WithinGrant";

  // Forecast (condition ForecastReady)
  /** The forecast learnt from enough history and is used. */
  public static final String HISTORY_READY = "HistoryReady";

  /** The history query is under way; no answer yet. */
  public static final String HISTORY_PENDING = "HistoryPending";

  /** Prometheus had no samples of the signal in the lookback. */
  public static final String NO_HISTORY = "NoHistory";

  /** The history covers less than the season needs. */
  public static final String HISTORY_TOO_SHORT = "HistoryTooShort";

  /** The history has too many missing steps. */
  public static final String HISTORY_TOO_GAPPY = "HistoryTooGappy";

  /** The history query failed and no earlier answer is known. */
  public static final String PROMETHEUS_UNAVAILABLE = "PrometheusUnavailable";

  /** The policy has no load signal the forecast could learn. */
  public static final String NO_LOAD_SIGNAL = "NoLoadSignal";

  // Inputs
  /** Every load signal answered. */
  public static final String METRICS_OK = "MetricsOk";

  /** A load signal could not be read: the policy keeps its last safe state. */
  public static final String METRICS_UNAVAILABLE = "MetricsUnavailable";

  /** A schedule window is open or in its lead time. */
  public static final String SCHEDULE_WINDOW = "ScheduleWindow";

  /** No schedule window is open. */
  public static final String NO_SCHEDULE_WINDOW = "NoScheduleWindow";

  /** A schedule window (or its lead time) began to raise the floor. */
  public static final String SCHEDULE_WINDOW_STARTED = "ScheduleWindowStarted";

  /** A schedule window closed; the floor is back to the other sources. */
  public static final String SCHEDULE_WINDOW_ENDED = "ScheduleWindowEnded";

  // Problems with the spec or the cluster
  /** The spec failed validation: nothing is changed. */
  public static final String INVALID_SPEC = "InvalidSpec";

  /** The target's kind has no scale subresource the operator may use, or is not served. */
  public static final String TARGET_NOT_SCALABLE = "TargetNotScalable";

  /** The operator's RBAC does not let it read the target. */
  public static final String TARGET_FORBIDDEN = "TargetForbidden";

  /** The target workload does not exist. */
  public static final String TARGET_NOT_FOUND = "TargetNotFound";

  /** The referenced ConnectionBudget does not exist. */
  public static final String BUDGET_NOT_FOUND = "BudgetNotFound";

  /** The referenced ConnectionBudget exists but belongs to another operator shard. */
  public static final String BUDGET_OUTSIDE_SHARD = "BudgetOutsideShard";

  /** The referenced ConnectionBudget does not allow this namespace. */
  public static final String BUDGET_FORBIDDEN = "BudgetForbidden";

  /** No grant has been published for this policy yet. */
  public static final String AWAITING_GRANT = "AwaitingGrant";

  /** An HPA, a KEDA ScaledObject or an older ScalingPolicy targets the same workload. */
  public static final String CONFLICTING_AUTOSCALER = "ConflictingAutoscaler";

  /** No other autoscaler targets the workload. */
  public static final String NO_CONFLICT = "NoConflict";

  /** CapHpa: the HPA's maxReplicas was capped by the budget. */
  public static final String HPA_CAPPED = "HpaCapped";

  /** CapHpa, but no HPA targets the workload. */
  public static final String NO_HPA_TO_CAP = "NoHpaToCap";

  /** CapHpa without connections or a grant: there is nothing to cap by. */
  public static final String NOTHING_TO_CAP = "NothingToCap";

  /** The API server refused or failed a request; retried with backoff. */
  public static final String API_ERROR = "ApiError";

  /** Reconciled and acting on the spec. */
  public static final String RECONCILED = "Reconciled";

  // Budgets
  /** Grants were recomputed. */
  public static final String GRANTS_UPDATED = "GrantsUpdated";

  /** The guaranteed minimums exceed the budget. */
  public static final String OVERCOMMITTED = "Overcommitted";

  /** The minimums fit. */
  public static final String WITHIN_BUDGET = "WithinBudget";

  /** Measured connections exceed the budget. */
  public static final String BREACH_OBSERVED = "BreachObserved";

  private EventReasons() {}
}
