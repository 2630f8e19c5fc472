package dev.headroom.simulator.forecast;

import dev.headroom.engine.forecast.ForecastMethod;
import dev.headroom.engine.forecast.ForecastState;
import dev.headroom.engine.model.Seasonality;
import java.time.Duration;
import java.util.Map;

/**
 * Walk-forward forecast error of one method and season on one trace.
 *
 * @param method the forecast method
 * @param seasonality the season learned
 * @param step the forecast step
 * @param origins forecasts made
 * @param states how many forecasts ended in each state
 * @param leadSmape sMAPE (percent) of the step that contains {@code origin + leadTime}
 * @param leadMape MAPE (percent), same steps, steps without load skipped
 * @param horizonSmape sMAPE (percent) of the step that contains {@code origin + horizon}
 * @param horizonMape MAPE (percent), same steps
 * @param microsPerForecast mean wall time of one forecast, in microseconds
 */
public record Accuracy(
    ForecastMethod method,
    Seasonality seasonality,
    Duration step,
    long origins,
    Map<ForecastState, Long> states,
    double leadSmape,
    double leadMape,
    double horizonSmape,
    double horizonMape,
    double microsPerForecast) {

  public long ready() {
    return states.getOrDefault(ForecastState.READY, 0L);
  }

  /** The state most forecasts ended in. */
  public ForecastState mainState() {
    return states.entrySet().stream()
        .max(Map.Entry.comparingByValue())
        .map(Map.Entry::getKey)
        .orElse(ForecastState.NO_HISTORY);
  }
}
