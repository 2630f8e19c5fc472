package dev.headroom.engine.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.engine.model.ForecastSpec;
import dev.headroom.engine.model.Seasonality;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cover a forecast asks for stays near the load on low counts, bursts and short history. */
class RobustCoverTest {

  private static final Instant T0 = Instant.parse("2026-11-16T00:00:00Z");
  private static final ForecastSpec DAILY =
      new ForecastSpec(
          true,
          Duration.ofDays(7),
          Duration.ofHours(2),
          Duration.ofMinutes(5),
          Seasonality.DAILY,
          null);
  private static final ForecastSpec WEEKLY =
      new ForecastSpec(
          true,
          Duration.ofDays(28),
          Duration.ofHours(2),
          Duration.ofMinutes(5),
          Seasonality.WEEKLY,
          null);

  private final SeasonalForecaster forecaster = new SeasonalForecaster();

  /** Hourly samples (rates per second) of {@code countsPerHour}, repeating, for {@code hours}. */
  static List<LoadSample> hourly(int hours, double... countsPerHour) {
    List<LoadSample> out = new ArrayList<>();
    for (int h = 0; h < hours; h++) {
      out.add(
          new LoadSample(
              T0.plus(Duration.ofHours(h)), countsPerHour[h % countsPerHour.length] / 3600.0));
    }
    return out;
  }

  @Test
  void aBurstOfThirtyAfterOneOnALowCountTraceDoesNotMultiplyTheCover() {
    // Three days of 1-5 requests an hour, then one hour of 30 right before now.
    List<LoadSample> history = hourly(72, 1, 2, 3, 5, 2, 1);
    history.add(new LoadSample(T0.plus(Duration.ofHours(72)), 30 / 3600.0));
    Instant now = T0.plus(Duration.ofHours(73));

    Forecast f = forecaster.forecast(DAILY, history, now);

    assertThat(f.ready()).isTrue();
    // The last day's peak is 30 requests an hour: at most 1.5 x that, 45 an hour, is covered
    // (the old multiplicative cover reached the 5x clamp of a reference of 5: 150 an hour).
    assertThat(f.predictedLoad().getAsDouble() * 3600).isLessThanOrEqualTo(45.0 + 1e-9);
  }

  @Test
  void onHighCountsTheLevelFollowsTheLoadUnshrunk() {
    // A day of 36,000 an hour, then three hours at twice that: the level is about 2.
    List<LoadSample> history = hourly(48, 36_000);
    for (int h = 48; h < 51; h++) {
      history.add(new LoadSample(T0.plus(Duration.ofHours(h)), 72_000 / 3600.0));
    }
    Forecast f = forecaster.forecast(DAILY, history, T0.plus(Duration.ofHours(51)));

    assertThat(f.message()).contains("level x2.00");
  }

  @Test
  void aWeeklyForecastUsesTheDailySeasonUntilAWeekOfHistoryIsThere() {
    List<LoadSample> history = hourly(3 * 24, 100, 200, 300);
    Instant now = T0.plus(Duration.ofDays(3));

    Forecast f = forecaster.forecast(WEEKLY, history, now);

    assertThat(f.ready()).isTrue();
    assertThat(f.message())
        .startsWith(
            "daily season until the weekly one is ready (history"
                + " covers 3d, needs one weekly season plus the horizon (7d2h)): ");
  }

  @Test
  void aWeeklyForecastWithAWeekOfHistoryStaysWeekly() {
    List<LoadSample> history = hourly(8 * 24, 100, 200, 300);

    Forecast f = forecaster.forecast(WEEKLY, history, T0.plus(Duration.ofDays(8)));

    assertThat(f.message()).contains("weekly season").doesNotContain("daily season");
  }

  @Test
  void withoutTheFollowingStepOnlyTheLeadTimeStepIsCovered() {
    // Hourly, 100 then 1000 requests an hour, alternating; now 00:30 + 3 days, lead 5 min.
    List<LoadSample> history = hourly(72, 100, 1000);
    Instant now = T0.plus(Duration.ofDays(3)).plus(Duration.ofMinutes(30));
    ForecastSettings wideSettings = ForecastSettings.defaults().withCoverFollowingStep(true);
    ForecastSettings tightSettings = ForecastSettings.defaults().withCoverPercentile(50);
    SeasonalForecaster wideForecaster = new SeasonalForecaster(wideSettings);
    SeasonalForecaster tight = new SeasonalForecaster(tightSettings);

    Forecast wide = wideForecaster.forecast(DAILY, history, now);
    Forecast narrow = tight.forecast(DAILY, history, now);

    // With the following step, 00:00-02:00 is covered, the 1000 of hour 1 included; the default
    // window nothing yet: hour 0 is the reactive path's, hour 1 is more than the lead time away.
    assertThat(wide.coveredUntil()).isEqualTo(now.plus(Duration.ofMinutes(90)));
    assertThat(narrow.coveredUntil()).isEqualTo(now.plus(Duration.ofMinutes(30)));
    assertThat(wide.predictedLoad().getAsDouble() * 3600).isGreaterThan(900);
    assertThat(narrow.predictedLoad().getAsDouble()).isZero();
    // At 00:56 hour 1 is within the lead time: covered.
    Instant later = now.plus(Duration.ofMinutes(26));
    assertThat(tight.forecast(DAILY, history, later).predictedLoad().getAsDouble() * 3600)
        .isGreaterThan(900);
    // The default window moves when now + leadTime + the decision interval (15 s) enters hour 1,
    // at 00:54:45; the following-step window when now + leadTime does, at 00:55.
    assertThat(narrow.refreshAt(tightSettings.reach(DAILY.leadTime())))
        .isEqualTo(now.plus(Duration.ofSeconds(24 * 60 + 45)));
    assertThat(wide.refreshAt(wideSettings.reach(DAILY.leadTime())))
        .isEqualTo(now.plus(Duration.ofMinutes(25)));
  }

  @Test
  void theWindowReachesOneDecisionIntervalPastTheLeadTime() {
    // At 00:54:50, now + 5 min is still in hour 0; a host deciding every 15 s may not decide again
    // before 00:55:05, past the lead time of hour 1, so hour 1 is covered already.
    List<LoadSample> history = hourly(72, 100, 1000);
    Instant at = T0.plus(Duration.ofDays(3)).plus(Duration.ofSeconds(54 * 60 + 50));
    ForecastSettings every15s = ForecastSettings.defaults().withCoverPercentile(50);
    ForecastSettings atOnce = every15s.withDecisionInterval(Duration.ZERO);

    Forecast margin = new SeasonalForecaster(every15s).forecast(DAILY, history, at);
    Forecast none = new SeasonalForecaster(atOnce).forecast(DAILY, history, at);

    assertThat(margin.coveredUntil()).isEqualTo(T0.plus(Duration.ofDays(3)).plusSeconds(7200));
    assertThat(margin.predictedLoad().getAsDouble() * 3600).isGreaterThan(900);
    assertThat(none.coveredUntil()).isEqualTo(T0.plus(Duration.ofDays(3)).plusSeconds(3600));
    assertThat(none.predictedLoad().getAsDouble()).isZero();
    assertThat(every15s.reach(Duration.ofMinutes(5))).isEqualTo(Duration.ofSeconds(315));
    assertThat(every15s.withCoverFollowingStep(true).reach(Duration.ofMinutes(5)))
        .isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void theCoverPercentileMapsToANormalQuantile() {
    assertThat(SeasonalForecaster.z(50)).isZero();
    assertThat(SeasonalForecaster.z(90)).isBetween(1.281, 1.282);
  }
}
