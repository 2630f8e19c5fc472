package dev.headroom.engine.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.headroom.engine.model.ForecastSpec;
import dev.headroom.engine.model.Seasonality;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SeasonalForecasterTest {

  /** Monday 2026-11-16 00:00 UTC. */
  private static final Instant MONDAY = Instant.parse("2026-11-16T00:00:00Z");

  private static final ForecastSpec WEEKLY =
      new ForecastSpec(
          true,
          Duration.ofDays(14),
          Duration.ofHours(1),
          Duration.ofMinutes(10),
          Seasonality.WEEKLY,
          null);

  private final SeasonalForecaster forecaster = new SeasonalForecaster();

  /**
   * Weekday office traffic: 100 at night and on weekends, 1000 from 09:00 to 17:00 on weekdays,
   * with 5% seeded noise; one sample a minute.
   */
  static List<LoadSample> officeWeeks(Instant from, Instant to, double scale, long seed) {
    Random random = new Random(seed);
    List<LoadSample> out = new ArrayList<>();
    for (Instant t = from; t.isBefore(to); t = t.plusSeconds(60)) {
      out.add(new LoadSample(t, office(t) * scale * (1 + 0.05 * random.nextGaussian())));
    }
    return out;
  }

  static double office(Instant t) {
    ZonedDateTime z = t.atZone(ZoneOffset.UTC);
    boolean weekday =
        z.getDayOfWeek() != DayOfWeek.SATURDAY && z.getDayOfWeek() != DayOfWeek.SUNDAY;
    return weekday && z.getHour() >= 9 && z.getHour() < 17 ? 1000 : 100;
  }

  @Nested
  class Ready {

    @Test
    void predictsTheWeekdayNineOClockPeakLeadTimeAhead() {
      // Two weeks of history up to Monday 08:49:45; the peak starts at 09:00.
      Instant now =
          MONDAY.plus(Duration.ofDays(14)).plus(Duration.ofSeconds((8 * 60 + 49) * 60 + 45));
      List<LoadSample> history = officeWeeks(now.minus(Duration.ofDays(14)), now, 1, 1);

      Forecast f = forecaster.forecast(WEEKLY, history, now);

      assertThat(f.state()).isEqualTo(ForecastState.READY);
      assertThat(f.step()).isEqualTo(Duration.ofMinutes(5));
      // 08:49:45 + 10 min lead + 15 s decision interval = 09:00, in step [09:00, 09:05): the
      // first decision that can ask for the peak's replicas a lead time before it.
      assertThat(f.coveredUntil()).isEqualTo(now.plus(Duration.ofSeconds(15 * 60 + 15)));
      // The step of now ends at 08:50; the window moves at 08:54:45.
      assertThat(f.refreshAt(forecaster.settings().reach(WEEKLY.leadTime())))
          .isEqualTo(now.plus(Duration.ofSeconds(15)));
      assertThat(f.predictedLoad().getAsDouble()).isBetween(900.0, 1100.0);
      assertThat(f.peakLoad().getAsDouble()).isBetween(900.0, 1100.0);
      assertThat(f.peakAt().orElseThrow())
          .isBetween(now.plus(Duration.ofMinutes(15)), now.plus(Duration.ofHours(1)));
      assertThat(f.smape().getAsDouble()).isLessThan(10);
      assertThat(f.mape().getAsDouble()).isLessThan(10);
      assertThat(f.coverage()).isEqualTo(1.0);
      assertThat(f.samples()).isEqualTo(14 * 24 * 60);
    }

    @Test
    void doesNotPredictThePeakBeforeItsWindow() {
      // At 08:30 the window ends at 08:45: the 09:00 peak is not yet covered.
      Instant now = MONDAY.plus(Duration.ofDays(14)).plus(Duration.ofMinutes(8 * 60 + 30));
      Forecast f =
          forecaster.forecast(WEEKLY, officeWeeks(now.minus(Duration.ofDays(14)), now, 1, 2), now);

      assertThat(f.predictedLoad().getAsDouble()).isBetween(80.0, 120.0);
      assertThat(f.peakLoad().getAsDouble()).isGreaterThan(900);
      // With a 12-minute lead at 08:32, 08:44:15 (with the decision interval) is in
      // [08:40, 08:45): the window moves at 08:32:45, before the step of now ends at 08:35.
      ForecastSpec lead12 =
          new ForecastSpec(
              true,
              Duration.ofDays(14),
              Duration.ofHours(1),
              Duration.ofMinutes(12),
              Seasonality.WEEKLY,
              null);
      Instant at = now.plus(Duration.ofMinutes(2));
      Forecast later =
          forecaster.forecast(lead12, officeWeeks(at.minus(Duration.ofDays(14)), at, 1, 2), at);
      assertThat(later.coveredUntil()).isEqualTo(at.plus(Duration.ofMinutes(13)));
      assertThat(later.refreshAt(forecaster.settings().reach(lead12.leadTime())))
          .isEqualTo(at.plus(Duration.ofSeconds(45)));
    }

    @Test
    void keepsWeekdaysAlignedSoSundayIsNotPredictedAsAWeekday() {
      Instant sunday = MONDAY.plus(Duration.ofDays(13)).plus(Duration.ofMinutes(8 * 60 + 45));
      Forecast f =
          forecaster.forecast(
              WEEKLY, officeWeeks(sunday.minus(Duration.ofDays(14)), sunday, 1, 3), sunday);

      assertThat(f.state()).isEqualTo(ForecastState.READY);
      assertThat(f.peakLoad().getAsDouble()).isLessThan(150);
    }

    @Test
    void levelFollowsGrowthSinceLastWeek() {
      // Traffic is 50% higher this week than in the two before.
      Instant now = MONDAY.plus(Duration.ofDays(14)).plus(Duration.ofMinutes(13 * 60));
      List<LoadSample> history =
          new ArrayList<>(
              officeWeeks(now.minus(Duration.ofDays(14)), now.minus(Duration.ofHours(4)), 1, 4));
      history.addAll(officeWeeks(now.minus(Duration.ofHours(4)), now, 1.5, 5));

      Forecast f = forecaster.forecast(WEEKLY, history, now);

      assertThat(f.predictedLoad().getAsDouble()).isBetween(1350.0, 1650.0);
    }

    @Test
    void coarseSamplesSetACoarserStep() {
      Instant now = MONDAY.plus(Duration.ofDays(14));
      List<LoadSample> hourly = new ArrayList<>();
      for (Instant t = now.minus(Duration.ofDays(14)); t.isBefore(now); t = t.plusSeconds(3600)) {
        hourly.add(new LoadSample(t, office(t)));
      }
      Forecast f = forecaster.forecast(WEEKLY, hourly, now);

      assertThat(f.state()).isEqualTo(ForecastState.READY);
      assertThat(f.step()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void dailySeasonNeedsOnlyADayPlusTheHorizon() {
      ForecastSpec daily =
          new ForecastSpec(
              true,
              Duration.ofDays(2),
              Duration.ofHours(1),
              Duration.ofMinutes(10),
              Seasonality.DAILY,
              null);
      Instant now = MONDAY.plus(Duration.ofDays(3)).plus(Duration.ofMinutes(8 * 60 + 50));
      Forecast f =
          forecaster.forecast(daily, officeWeeks(now.minus(Duration.ofDays(2)), now, 1, 6), now);

      assertThat(f.state()).isEqualTo(ForecastState.READY);
      assertThat(f.predictedLoad().getAsDouble()).isBetween(900.0, 1100.0);
    }
  }

  @Nested
  class BadData {

    private final Instant now = MONDAY.plus(Duration.ofDays(14)).plus(Duration.ofHours(9));

    @Test
    void emptyOrNullHistoryHasNoHistory() {
      assertThat(forecaster.forecast(WEEKLY, List.of(), now).state())
          .isEqualTo(ForecastState.NO_HISTORY);
      assertThat(forecaster.forecast(WEEKLY, null, now).state())
          .isEqualTo(ForecastState.NO_HISTORY);
    }

    @Test
    void onlyInvalidSamplesHaveNoHistoryAndSaySo() {
      List<LoadSample> bad = new ArrayList<>();
      bad.add(new LoadSample(now.minusSeconds(60), Double.NaN));
      bad.add(new LoadSample(now.minusSeconds(120), -5));
      bad.add(new LoadSample(now.minusSeconds(180), Double.POSITIVE_INFINITY));
      bad.add(null);
      bad.add(new LoadSample(null, 3));

      Forecast f = forecaster.forecast(WEEKLY, bad, now);

      assertThat(f.state()).isEqualTo(ForecastState.NO_HISTORY);
      assertThat(f.message()).contains("5 invalid samples dropped");
      assertThat(f.predictedLoad()).isEmpty();
    }

    @Test
    void eightHoursAreTooShortForAWeek() {
      Forecast f =
          forecaster.forecast(WEEKLY, officeWeeks(now.minus(Duration.ofHours(8)), now, 1, 7), now);

      assertThat(f.state()).isEqualTo(ForecastState.HISTORY_TOO_SHORT);
      assertThat(f.message()).contains("history covers 8h").contains("7d1h");
      assertThat(f.predictedLoad()).isEmpty();
    }

    @Test
    void aLookbackShorterThanASeasonIsTooShort() {
      ForecastSpec shortLookback =
          new ForecastSpec(true, Duration.ofDays(3), Duration.ofHours(1), Duration.ofMinutes(10));
      Forecast f =
          forecaster.forecast(
              shortLookback, officeWeeks(now.minus(Duration.ofDays(3)), now, 1, 8), now);

      assertThat(f.state()).isEqualTo(ForecastState.HISTORY_TOO_SHORT);
      assertThat(f.message()).startsWith("lookback 3d");
    }

    @Test
    void historyWithHalfTheStepsMissingIsTooGappy() {
      List<LoadSample> gappy = new ArrayList<>();
      for (LoadSample s : officeWeeks(now.minus(Duration.ofDays(14)), now, 1, 9)) {
        // Keep every other hour.
        if (s.at().atZone(ZoneOffset.UTC).getHour() % 2 == 0) {
          gappy.add(s);
        }
      }
      Forecast f = forecaster.forecast(WEEKLY, gappy, now);

      assertThat(f.state()).isEqualTo(ForecastState.HISTORY_TOO_GAPPY);
      assertThat(f.coverage()).isBetween(0.45, 0.55);
      assertThat(f.message()).contains("% of the 5m steps");
    }

    @Test
    void aFewGapsAreInterpolated() {
      List<LoadSample> history =
          new ArrayList<>(officeWeeks(now.minus(Duration.ofDays(14)), now, 1, 10));
      history.removeIf(
          s ->
              s.at().atZone(ZoneOffset.UTC).getDayOfMonth() == 20
                  && s.at().atZone(ZoneOffset.UTC).getHour() < 6);

      Forecast f = forecaster.forecast(WEEKLY, history, now);

      assertThat(f.state()).isEqualTo(ForecastState.READY);
      assertThat(f.coverage()).isLessThan(1.0).isGreaterThan(0.95);
    }

    @Test
    void unsortedDuplicatedAndPartlyInvalidHistoryGivesTheSameForecastAsTheCleanOne() {
      List<LoadSample> clean = officeWeeks(now.minus(Duration.ofDays(14)), now, 1, 11);
      List<LoadSample> messy = new ArrayList<>(clean);
      messy.addAll(clean);
      messy.add(new LoadSample(now.minusSeconds(30), Double.NaN));
      messy.add(new LoadSample(now.minus(Duration.ofDays(30)), 1e9));
      messy.add(new LoadSample(now.plus(Duration.ofHours(1)), 1e9));
      Collections.shuffle(messy, new Random(12));

      Forecast a = forecaster.forecast(WEEKLY, clean, now);
      Forecast b = forecaster.forecast(WEEKLY, messy, now);

      assertThat(b.state()).isEqualTo(ForecastState.READY);
      assertThat(b.predictedLoad().getAsDouble())
          .isCloseTo(a.predictedLoad().getAsDouble(), org.assertj.core.data.Offset.offset(1e-6));
      assertThat(b.path()).hasSameSizeAs(a.path());
      for (int i = 0; i < a.path().size(); i++) {
        assertThat(b.path().get(i).at()).isEqualTo(a.path().get(i).at());
        assertThat(b.path().get(i).value())
            .isCloseTo(a.path().get(i).value(), org.assertj.core.data.Offset.offset(1e-6));
      }
      assertThat(b.message()).contains("1 invalid samples dropped");
    }

    @Test
    void anInvalidSpecIsRejectedWithAClearMessage() {
      ForecastSpec zeroHorizon =
          new ForecastSpec(true, Duration.ofDays(14), Duration.ZERO, Duration.ofMinutes(10));
      assertThatThrownBy(() -> forecaster.forecast(zeroHorizon, List.of(), now))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("horizon must be positive");
      ForecastSpec negativeLead =
          new ForecastSpec(true, Duration.ofDays(14), Duration.ofHours(1), Duration.ofMinutes(-1));
      assertThatThrownBy(() -> forecaster.forecast(negativeLead, List.of(), now))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("leadTime must be >= 0");
    }
  }
}
