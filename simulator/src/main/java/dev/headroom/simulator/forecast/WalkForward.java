package dev.headroom.simulator.forecast;

import dev.headroom.engine.forecast.Forecast;
import dev.headroom.engine.forecast.ForecastSettings;
import dev.headroom.engine.forecast.ForecastState;
import dev.headroom.engine.forecast.LoadSample;
import dev.headroom.engine.forecast.SeasonalForecaster;
import dev.headroom.engine.model.ForecastSpec;
import dev.headroom.simulator.input.Trace;
import dev.headroom.simulator.sim.ForecastFeed;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Forecast error measured the way the operator would use the forecaster: from every forecast step
 * of the evaluation part of a trace, forecast from the {@code lookback} before it and compare the
 * prediction for the step {@code leadTime} (and {@code horizon}) ahead with the trace's mean rate
 * in that step.
 */
public final class WalkForward {

  private final ForecastSettings settings;

  public WalkForward(ForecastSettings settings) {
    this.settings = settings;
  }

  /**
   * @param evalStart the first forecast origin (the trace before it is training history)
   */
  public Accuracy measure(Trace trace, ForecastSpec spec, Instant evalStart) {
    SeasonalForecaster forecaster = new SeasonalForecaster(settings);
    List<LoadSample> samples = ForecastFeed.samples(trace);
    long interval = trace.intervalSeconds();
    long start = trace.startSecond();
    long end = trace.endSecond();
    long lookback = spec.lookback().getSeconds();
    long lead = spec.leadTime().getSeconds();
    long horizon = spec.horizon().getSeconds();

    // The step the forecaster picks for this trace (its minimum or the trace interval).
    long step = Math.max(settings.minStep().getSeconds(), interval);
    Forecast probe =
        forecaster.forecast(
            spec,
            samples.subList(0, Math.min(samples.size(), 64)),
            trace.start().plusSeconds(Math.min(64, samples.size()) * interval));
    step = probe.step().getSeconds();

    Map<ForecastState, Long> states = new EnumMap<>(ForecastState.class);
    Error leadError = new Error();
    Error horizonError = new Error();
    long origins = 0;
    long nanos = 0;
    long first = Math.floorDiv(evalStart.getEpochSecond() + step - 1, step) * step;
    for (long t = first; t + horizon + step <= end; t += step) {
      int to = index(t, start, interval, samples.size());
      int from = index(t - lookback, start, interval, samples.size());
      long began = System.nanoTime();
      Forecast f = forecaster.forecast(spec, samples.subList(from, to), Instant.ofEpochSecond(t));
      nanos += System.nanoTime() - began;
      origins++;
      states.merge(f.state(), 1L, Long::sum);
      if (!f.ready()) {
        continue;
      }
      leadError.add(predicted(f, t + lead, step), actual(trace, t + lead, step));
      horizonError.add(predicted(f, t + horizon, step), actual(trace, t + horizon, step));
    }
    return new Accuracy(
        settings.method(),
        spec.seasonality(),
        Duration.ofSeconds(step),
        origins,
        states,
        leadError.smape(),
        leadError.mape(),
        horizonError.smape(),
        horizonError.mape(),
        origins == 0 ? Double.NaN : nanos / 1e3 / origins);
  }

  /** Number of samples before {@code second}. */
  private static int index(long second, long start, long interval, int size) {
    long i = Math.floorDiv(second - start + interval - 1, interval);
    return (int) Math.max(0, Math.min(size, i));
  }

  private static double predicted(Forecast f, long second, long step) {
    long stepStart = Math.floorDiv(second, step) * step;
    for (LoadSample p : f.path()) {
      if (p.at().getEpochSecond() == stepStart) {
        return p.value();
      }
    }
    return Double.NaN;
  }

  /** The trace's mean rate over the step that contains {@code second}. */
  private static double actual(Trace trace, long second, long step) {
    long stepStart = Math.floorDiv(second, step) * step;
    double sum = 0;
    int n = 0;
    for (long s = stepStart; s < stepStart + step; s += trace.intervalSeconds()) {
      long i = Math.floorDiv(s - trace.startSecond(), trace.intervalSeconds());
      if (i >= 0 && i < trace.size()) {
        sum += trace.rate((int) i);
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  /** Running sMAPE and MAPE. */
  private static final class Error {
    private double smape;
    private long smapeN;
    private double mape;
    private long mapeN;

    void add(double forecast, double actual) {
      if (Double.isNaN(forecast) || Double.isNaN(actual)) {
        return;
      }
      double denominator = Math.abs(forecast) + Math.abs(actual);
      if (denominator > 0) {
        smape += 2 * Math.abs(forecast - actual) / denominator;
        smapeN++;
      }
      if (actual > 0) {
        mape += Math.abs(forecast - actual) / actual;
        mapeN++;
      }
    }

    double smape() {
      return smapeN == 0 ? Double.NaN : 100 * smape / smapeN;
    }

    double mape() {
      return mapeN == 0 ? Double.NaN : 100 * mape / mapeN;
    }
  }
}
