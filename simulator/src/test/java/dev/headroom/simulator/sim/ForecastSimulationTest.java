package dev.headroom.simulator.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.engine.forecast.Forecast;
import dev.headroom.engine.forecast.ForecastState;
import dev.headroom.engine.forecast.SeasonalForecaster;
import dev.headroom.simulator.input.Trace;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A policy with {@code spec.forecast} in the simulator: pre-scaled before a daily peak. */
class ForecastSimulationTest {

  /** Three days per minute: 100 req/s, 400 req/s from 09:00 to 17:00 every day. */
  static Trace dailyPeaks() {
    double[] rates = new double[3 * 24 * 60];
    for (int m = 0; m < rates.length; m++) {
      int minuteOfDay = m % (24 * 60);
      rates[m] = minuteOfDay >= 9 * 60 && minuteOfDay < 17 * 60 ? 400 : 100;
    }
    return Fixtures.perMinute(rates);
  }

  static final String FORECAST =
      """
          forecast: {seasonality: Daily, lookback: 2d, horizon: 1h, leadTime: 10m}
        """;

  /** Ready replicas per strategy at {@code second}. */
  static Map<StrategyKind, Integer> readyAt(Scenario scenario, long second) {
    Map<StrategyKind, Integer> out = new EnumMap<>(StrategyKind.class);
    new Simulator()
        .run(
            scenario,
            Fixtures.crisp(),
            ProgressListener.NONE,
            (now, dt, policy, kind, rate, demand, ready, pods) -> {
              if (now == second) {
                out.put(kind, ready);
              }
            });
    return out;
  }

  @Test
  void theForecastPreScalesALeadTimeBeforeTheThirdDaysPeak() {
    long peak = Fixtures.T0.plus(Duration.ofDays(2)).plus(Duration.ofHours(9)).getEpochSecond();
    Scenario withForecast = Fixtures.scenario(Fixtures.policy(10, 1, 100, FORECAST), dailyPeaks());
    Scenario reactive = Fixtures.scenario(Fixtures.policy(10, 1, 100, ""), dailyPeaks());

    // The window reaches 09:00 at 08:49:45 (lead time 10 min plus the 15 s decision interval):
    // the reconcile then asks for the peak's replicas, which are ready 30 s later.
    Map<StrategyKind, Integer> forecast = readyAt(withForecast, peak - 600 + 30);
    Map<StrategyKind, Integer> without = readyAt(reactive, peak - 600 + 30);
    Map<StrategyKind, Integer> before = readyAt(withForecast, peak - 600 - 30);

    // 400 req/s at 10 per replica: 40 ready replicas nine and a half minutes before 09:00.
    assertThat(forecast.get(StrategyKind.HEADROOM)).isGreaterThanOrEqualTo(40);
    assertThat(without.get(StrategyKind.HEADROOM)).isEqualTo(10);
    assertThat(forecast.get(StrategyKind.HPA)).isEqualTo(10);
    // Not earlier than the lead time: 30 s before, the forecast covers the quiet 08:55 step
    // (100 req/s and its noise cover: 11), not the peak.
    assertThat(before.get(StrategyKind.HEADROOM)).isLessThan(40);
  }

  @Test
  void onTheFirstDayTheForecastIsTooShortAndHeadroomOnlyReacts() {
    long firstPeak = Fixtures.T0.plus(Duration.ofHours(9)).getEpochSecond();
    Scenario withForecast = Fixtures.scenario(Fixtures.policy(10, 1, 100, FORECAST), dailyPeaks());

    assertThat(readyAt(withForecast, firstPeak - 600).get(StrategyKind.HEADROOM)).isEqualTo(10);
    ScenarioPolicy p = withForecast.policies().get(0);
    ForecastFeed feed =
        new ForecastFeed(
            p.manifest().spec(), p.trace(), Duration.ofSeconds(30), new SeasonalForecaster());
    Forecast f = feed.forecast(firstPeak - 600);
    assertThat(f.state()).isEqualTo(ForecastState.HISTORY_TOO_SHORT);
  }

  @Test
  void theResultSaysWhenAndWhyTheForecastWasNotReady() {
    Scenario withForecast = Fixtures.scenario(Fixtures.policy(10, 1, 100, FORECAST), dailyPeaks());

    SimulationResult r = new Simulator().run(withForecast, Fixtures.crisp(), ProgressListener.NONE);

    // A daily season plus the 1-hour horizon needs 25 hours of history: ready on the second day.
    assertThat(r.notes())
        .anySatisfy(
            n ->
                assertThat(n)
                    .contains(
                        "forecast not ready until "
                            + Fixtures.T0.plus(Duration.ofHours(25)).toString().substring(0, 13))
                    .contains("needs one daily season plus the horizon (1d1h)"));
  }

  @Test
  void aTraceShorterThanTheSeasonGivesANeverReadyNote() {
    double[] rates = new double[6 * 60];
    java.util.Arrays.fill(rates, 100);
    Scenario withForecast =
        Fixtures.scenario(Fixtures.policy(10, 1, 100, FORECAST), Fixtures.perMinute(rates));

    SimulationResult r = new Simulator().run(withForecast, Fixtures.crisp(), ProgressListener.NONE);

    assertThat(r.notes())
        .anySatisfy(
            n ->
                assertThat(n)
                    .contains("forecast never ready")
                    .contains("needs one daily season plus the horizon")
                    .contains("the reactive path alone decided"));
  }

  @Test
  void aReactivePolicyHasNoForecastNote() {
    SimulationResult r =
        new Simulator()
            .run(
                Fixtures.scenario(Fixtures.policy(10, 1, 100, ""), dailyPeaks()),
                Fixtures.crisp(),
                ProgressListener.NONE);

    assertThat(r.notes()).noneMatch(n -> n.contains("forecast"));
  }

  @Test
  void theFeedSeesOnlyWhatPrometheusWouldHaveAndCachesPerStep() {
    Scenario withForecast = Fixtures.scenario(Fixtures.policy(10, 1, 100, FORECAST), dailyPeaks());
    ScenarioPolicy p = withForecast.policies().get(0);
    ForecastFeed feed =
        new ForecastFeed(
            p.manifest().spec(), p.trace(), Duration.ofSeconds(30), new SeasonalForecaster());
    long now = Fixtures.T0.plus(Duration.ofDays(2)).plus(Duration.ofHours(8)).getEpochSecond();

    Forecast first = feed.forecast(now);
    Forecast again = feed.forecast(now + 15);
    int computed = feed.forecasts();

    assertThat(first.state()).isEqualTo(ForecastState.READY);
    assertThat(again).isSameAs(first);
    assertThat(feed.forecasts()).isEqualTo(computed);
    // Only complete minutes older than the metric delay: 2 days minus the last minute.
    assertThat(first.samples()).isEqualTo(2 * 24 * 60 - 1);
  }
}
