package dev.headroom.engine.forecast;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The result of one {@link SeasonalForecaster#forecast} call.
 *
 * <p><b>Window semantics.</b> The history is aggregated to steps of length {@link #step()}
 * (epoch-aligned, UTC). {@link #predictedLoad()} is the largest predicted step value plus the cover
 * percentile of the noise ({@link ForecastSettings#coverPercentile()}), at most 1.5 x the last
 * season's peak, over every step from the one containing {@code now} up to and including the step
 * after the one that contains {@code now + leadTime} (its end is {@link #coveredUntil()}). A step
 * that starts at {@code P} is therefore covered from {@code P - leadTime - step} on; as long as the
 * host reconciles at least once per step, the replicas for it are requested at least {@code
 * leadTime} before {@code P}. {@link #peakLoad()} is the largest step value over {@code [now, now +
 * horizon]}; it is reported, not acted on.
 *
 * @param state whether the forecast is usable
 * @param message a human explanation (why not ready, or what was predicted)
 * @param now the time the forecast was made for
 * @param step the forecast resolution
 * @param predictedLoad the load the recommendation must cover (empty unless ready); the unit of the
 *     history's values
 * @param coveredUntil end of the window {@link #predictedLoad()} covers
 * @param peakLoad the largest predicted load over the horizon (empty unless ready)
 * @param peakAt start of the step where {@link #peakLoad()} is predicted
 * @param smape backtest sMAPE in percent: the most recent season forecast from the history before
 *     it (empty when the history holds less than two seasons)
 * @param mape backtest MAPE in percent, same backtest (steps with zero actual load skipped)
 * @param samples usable samples in the lookback window
 * @param coverage share of steps between the first usable sample and {@code now} that hold a sample
 *     (0..1)
 * @param path the point forecast (median level) per step, as (step start, value), from the step
 *     containing {@code now} over the horizon and the lead-time window; empty unless ready
 */
public record Forecast(
    ForecastState state,
    String message,
    Instant now,
    Duration step,
    OptionalDouble predictedLoad,
    Instant coveredUntil,
    OptionalDouble peakLoad,
    Optional<Instant> peakAt,
    OptionalDouble smape,
    OptionalDouble mape,
    int samples,
    double coverage,
    List<LoadSample> path) {

  public Forecast {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(predictedLoad, "predictedLoad");
    Objects.requireNonNull(coveredUntil, "coveredUntil");
    Objects.requireNonNull(peakLoad, "peakLoad");
    Objects.requireNonNull(peakAt, "peakAt");
    Objects.requireNonNull(smape, "smape");
    Objects.requireNonNull(mape, "mape");
    path = List.copyOf(path);
  }

  /** Whether the forecast carries a prediction. */
  public boolean ready() {
    return state == ForecastState.READY;
  }

  /**
   * When a host that caches this forecast should compute a new one: the earlier of the end of the
   * step that contains {@link #now()} (a new step of history is complete) and the moment {@code now
   * + reach} enters the next step (the recommendation window moves). Until then the same inputs
   * give the same forecast.
   *
   * @param reach how far the window reaches past {@code now}: {@link ForecastSettings#reach} of the
   *     {@code leadTime} the forecast was made with
   */
  public Instant refreshAt(Duration reach) {
    long stepSeconds = step.getSeconds();
    long nextStep = (Math.floorDiv(now.getEpochSecond(), stepSeconds) + 1) * stepSeconds;
    // coveredUntil is the end of the step holding now + reach or of the one after it; either way
    // the window moves when now + reach reaches the end of that step.
    long reachStepEnd =
        (Math.floorDiv(now.getEpochSecond() + reach.getSeconds(), stepSeconds) + 1) * stepSeconds;
    long windowMoves = reachStepEnd - reach.getSeconds();
    return Instant.ofEpochSecond(Math.min(nextStep, windowMoves));
  }

  /** The same forecast with another message. */
  public Forecast withMessage(String other) {
    return new Forecast(
        state,
        other,
        now,
        step,
        predictedLoad,
        coveredUntil,
        peakLoad,
        peakAt,
        smape,
        mape,
        samples,
        coverage,
        path);
  }

  /** A forecast that is not ready, with its reason. */
  static Forecast notReady(
      ForecastState state,
      String message,
      Instant now,
      Duration step,
      Instant coveredUntil,
      int samples,
      double coverage) {
    return new Forecast(
        state,
        message,
        now,
        step,
        OptionalDouble.empty(),
        coveredUntil,
        OptionalDouble.empty(),
        Optional.empty(),
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        samples,
        coverage,
        List.of());
  }
}
