package dev.headroom.engine.forecast;

import java.time.Duration;
import java.util.Objects;

/**
 * Tuning of the {@link SeasonalForecaster} that is not part of the policy API.
 *
 * @param method how the seasonal reference is formed
 * @param minStep the finest forecast step; the step is this or the history's sample interval if
 *     coarser, rounded up to a length that divides a day
 * @param maxMissingFraction the largest share of steps without a sample that still counts as ready
 *     (the rest are filled by linear interpolation)
 * @param levelWindow how much recent history the level factor (the median ratio of actual load to
 *     the seasonal reference) is measured over, at least 3 steps
 * @param maxSeasons how many past seasons {@link ForecastMethod#SEASONAL_MEDIAN_LEVEL} takes the
 *     median of
 * @param minLevel lower clamp of the level factor
 * @param maxLevel upper clamp of the level factor
 * @param coverPercentile the percentile (0..100] of the recent actual-to-reference ratios that
 *     scales the load the recommendation covers ({@link Forecast#predictedLoad()}); the point
 *     forecast ({@link Forecast#path()}, the peak and the backtest) uses their median. 50 covers
 *     the point forecast; higher values trade replica-hours for peaks met in time
 * @param coverWindow how much recent history the cover noise is measured over, at least 12 steps
 *     (so that on an hourly series the spread is not taken from three residuals)
 * @param coverFollowingStep whether the recommendation also covers the step after the one that
 *     holds {@code now + leadTime}, from the step that holds {@code now} on (for hosts that decide
 *     once per step); false (the default) covers only the step that holds {@code now + leadTime +
 *     decisionInterval}, and only once it is later than the current step (which the reactive path
 *     sees), for hosts that decide at least every {@code decisionInterval}: on an hourly series a
 *     rising hour is then provisioned {@code leadTime} (plus at most one decision interval) before
 *     it instead of up to an hour and {@code leadTime} before it, and the forecast's errors on the
 *     current hour cost nothing
 * @param decisionInterval the longest time between two decisions of the host (its sync period):
 *     without the following step, the window reaches that much further than {@code now + leadTime},
 *     so that the first decision whose window holds a step comes at least {@code leadTime} before
 *     the step starts
 */
public record ForecastSettings(
    ForecastMethod method,
    Duration minStep,
    double maxMissingFraction,
    Duration levelWindow,
    int maxSeasons,
    double minLevel,
    double maxLevel,
    double coverPercentile,
    Duration coverWindow,
    boolean coverFollowingStep,
    Duration decisionInterval) {

  /** The sync period of the HPA and of Headroom's operator by default. */
  public static final Duration DEFAULT_DECISION_INTERVAL = Duration.ofSeconds(15);

  public ForecastSettings {
    Objects.requireNonNull(method, "method");
    if (minStep == null || minStep.isNegative() || minStep.isZero()) {
      throw new IllegalArgumentException("minStep must be positive, got " + minStep);
    }
    if (!(maxMissingFraction >= 0 && maxMissingFraction < 1)) {
      throw new IllegalArgumentException(
          "maxMissingFraction must be in [0, 1), got " + maxMissingFraction);
    }
    if (levelWindow == null || levelWindow.isNegative() || levelWindow.isZero()) {
      throw new IllegalArgumentException("levelWindow must be positive, got " + levelWindow);
    }
    if (maxSeasons < 1) {
      throw new IllegalArgumentException("maxSeasons must be >= 1, got " + maxSeasons);
    }
    if (!(minLevel > 0 && minLevel <= 1 && maxLevel >= 1 && Double.isFinite(maxLevel))) {
      throw new IllegalArgumentException(
          "level clamp must satisfy 0 < minLevel <= 1 <= maxLevel, got "
              + minLevel
              + ".."
              + maxLevel);
    }
    if (!(coverPercentile > 0 && coverPercentile <= 100)) {
      throw new IllegalArgumentException(
          "coverPercentile must be in (0, 100], got " + coverPercentile);
    }
    if (coverWindow == null || coverWindow.isNegative() || coverWindow.isZero()) {
      throw new IllegalArgumentException("coverWindow must be positive, got " + coverWindow);
    }
    if (decisionInterval == null || decisionInterval.isNegative()) {
      throw new IllegalArgumentException(
          "decisionInterval must be zero or positive, got " + decisionInterval);
    }
  }

  /** The defaults documented in docs/forecasting.md. */
  public static ForecastSettings defaults() {
    return new ForecastSettings(
        ForecastMethod.SEASONAL_NAIVE_LEVEL,
        Duration.ofMinutes(5),
        0.2,
        Duration.ofHours(3),
        4,
        0.2,
        5.0,
        90,
        Duration.ofHours(3),
        false,
        DEFAULT_DECISION_INTERVAL);
  }

  /**
   * How far past {@code now} the recommendation window reaches for {@code leadTime}: the lead time
   * itself when the following step is covered, else the lead time plus the decision interval. A
   * forecast's window moves when {@code now} plus this enters a new step ({@link
   * Forecast#refreshAt}).
   */
  public Duration reach(Duration leadTime) {
    return coverFollowingStep ? leadTime : leadTime.plus(decisionInterval);
  }

  /** A copy with another method. */
  public ForecastSettings withMethod(ForecastMethod other) {
    return new ForecastSettings(
        other,
        minStep,
        maxMissingFraction,
        levelWindow,
        maxSeasons,
        minLevel,
        maxLevel,
        coverPercentile,
        coverWindow,
        coverFollowingStep,
        decisionInterval);
  }

  /** A copy with another level window. */
  public ForecastSettings withLevelWindow(Duration other) {
    return new ForecastSettings(
        method,
        minStep,
        maxMissingFraction,
        other,
        maxSeasons,
        minLevel,
        maxLevel,
        coverPercentile,
        coverWindow,
        coverFollowingStep,
        decisionInterval);
  }

  /** A copy with another cover percentile. */
  public ForecastSettings withCoverPercentile(double other) {
    return new ForecastSettings(
        method,
        minStep,
        maxMissingFraction,
        levelWindow,
        maxSeasons,
        minLevel,
        maxLevel,
        other,
        coverWindow,
        coverFollowingStep,
        decisionInterval);
  }

  /** A copy with another cover window. */
  public ForecastSettings withCoverWindow(Duration other) {
    return new ForecastSettings(
        method,
        minStep,
        maxMissingFraction,
        levelWindow,
        maxSeasons,
        minLevel,
        maxLevel,
        coverPercentile,
        other,
        coverFollowingStep,
        decisionInterval);
  }

  /** A copy that does or does not cover the step after the lead-time step. */
  public ForecastSettings withCoverFollowingStep(boolean other) {
    return new ForecastSettings(
        method,
        minStep,
        maxMissingFraction,
        levelWindow,
        maxSeasons,
        minLevel,
        maxLevel,
        coverPercentile,
        coverWindow,
        other,
        decisionInterval);
  }

  /** A copy with another decision interval. */
  public ForecastSettings withDecisionInterval(Duration other) {
    return new ForecastSettings(
        method,
        minStep,
        maxMissingFraction,
        levelWindow,
        maxSeasons,
        minLevel,
        maxLevel,
        coverPercentile,
        coverWindow,
        coverFollowingStep,
        other);
  }
}
