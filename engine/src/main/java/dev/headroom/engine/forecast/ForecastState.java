package dev.headroom.engine.forecast;

/** Whether a forecast can be used, and if not, why. */
public enum ForecastState {
  /** Enough history: the forecast carries a prediction. */
  READY,
  /** No usable sample at all (empty history, or every sample was invalid). */
  NO_HISTORY,
  /** The history (or the lookback) covers less than one season plus the horizon. */
  HISTORY_TOO_SHORT,
  /** More than the allowed share of forecast steps has no sample. */
  HISTORY_TOO_GAPPY
}
