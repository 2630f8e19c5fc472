package dev.headroom.simulator.forecast;

import dev.headroom.engine.model.ForecastSpec;
import java.time.Instant;
import java.util.List;

/**
 * The forecast benchmark of one trace.
 *
 * @param name the trace's title
 * @param source the trace file
 * @param scenario the scenario resource it runs with
 * @param evalStart end of the training part, start of the evaluation part
 * @param end end of the trace
 * @param spec the forecast settings of the policy in the replay (the season with the lower error)
 * @param methods walk-forward error of every method and season
 * @param chosen the error of the default method with {@code spec}'s season
 * @param withForecast Headroom with the forecast
 * @param reactive Headroom without it
 * @param hpa the HPA-faithful baseline
 * @param seconds wall time of the whole benchmark of this trace
 * @param notes when and why the replay's forecast was not ready (empty when it always was)
 */
public record TraceForecast(
    String name,
    String source,
    String scenario,
    Instant evalStart,
    Instant end,
    ForecastSpec spec,
    List<Accuracy> methods,
    Accuracy chosen,
    PeakResult withForecast,
    PeakResult reactive,
    PeakResult hpa,
    double seconds,
    List<String> notes) {

  public TraceForecast {
    methods = List.copyOf(methods);
    notes = List.copyOf(notes);
  }
}
