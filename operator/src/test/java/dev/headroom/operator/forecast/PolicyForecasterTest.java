package dev.headroom.operator.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.engine.model.PolicySpec;
import dev.headroom.operator.api.v1alpha1.ScalingPolicy;
import dev.headroom.operator.policy.PolicySpecMapper;
import dev.headroom.operator.prometheus.TimedValue;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each state of the history, and the forecast over it, as the condition and status say it. */
class PolicyForecasterTest {

  /**
   * A Tuesday 08:25 UTC: the 09:00 step is within a 35-minute lead time (plus two sync periods of
   * 15 s).
   */
  static final Instant NOW = Instant.parse("2026-11-17T08:25:00Z");

  final HistoryCacheTest.ManualExecutor executor = new HistoryCacheTest.ManualExecutor();
  final HistoryCacheTest.ScriptedSource source = new HistoryCacheTest.ScriptedSource();
  final PolicyForecaster forecaster =
      new PolicyForecaster(
          new HistoryCache(source, executor, Duration.ofMinutes(10), Duration.ofMinutes(1)),
          11_000,
          Duration.ofSeconds(15));

  static ScalingPolicy policy(String forecast) {
    ScalingPolicy p =
        Serialization.unmarshal(
            """
        apiVersion: headroom.dev/v1alpha1
        kind: ScalingPolicy
        metadata: {name: web, namespace: shop, uid: 0f0e-uid}
        spec:
          targetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
          replicas: {min: 1, max: 30}
          load:
            signals:
            - {name: requests, query: 'sum(rate(req[1m]))', type: AverageValue, target: 10}
          %s
        """
                .formatted(forecast),
            ScalingPolicy.class);
    return p;
  }

  static final ScalingPolicy WEEKLY =
      policy("forecast: {lookback: 15d, horizon: 2h, leadTime: 35m}");

  /** Every 5 minutes over {@code days} before NOW: 100 on weekdays 09:00-10:00, else 15. */
  static List<TimedValue> weekdayPeak(int days) {
    List<TimedValue> out = new ArrayList<>();
    for (Instant t = NOW.minus(Duration.ofDays(days));
        t.isBefore(NOW);
        t = t.plus(Duration.ofMinutes(5))) {
      var z = t.atZone(ZoneOffset.UTC);
      boolean weekday =
          z.getDayOfWeek() != DayOfWeek.SATURDAY && z.getDayOfWeek() != DayOfWeek.SUNDAY;
      out.add(new TimedValue(t, weekday && z.getHour() == 9 ? 100 : 15));
    }
    return out;
  }

  Optional<ForecastOutcome> forecast(ScalingPolicy p) {
    PolicySpec spec = PolicySpecMapper.toEngine(p, 0);
    return forecaster.forecast(p, spec, 2, NOW);
  }

  @Test
  void noEnabledForecastIsNoOutcome() {
    assertThat(forecast(policy(""))).isEmpty();
    assertThat(forecast(policy("forecast: {enabled: false}"))).isEmpty();
    assertThat(executor.tasks).isEmpty();
  }

  @Test
  void beforeTheFirstAnswerTheHistoryIsPending() {
    ForecastOutcome f = forecast(WEEKLY).orElseThrow();
    assertThat(f.ready()).isFalse();
    assertThat(f.reason()).isEqualTo("HistoryPending");
    assertThat(f.message()).contains("15d").contains("requests");
    assertThat(f.replicas()).isEmpty();
    assertThat(f.status().orElseThrow().getStep()).isEqualTo("5m");
  }

  @Test
  void aFailedFirstQueryIsPrometheusUnavailable() {
    forecast(WEEKLY);
    source.answers.add(HistoryCacheTest.unreachable());
    executor.runAll();
    ForecastOutcome f = forecast(WEEKLY).orElseThrow();
    assertThat(f.reason()).isEqualTo("PrometheusUnavailable");
    assertThat(f.message()).contains("unreachable");
  }

  @Test
  void anEmptyHistoryIsNoHistory() {
    forecast(WEEKLY);
    source.answers.add(List.of());
    executor.runAll();
    assertThat(forecast(WEEKLY).orElseThrow().reason()).isEqualTo("NoHistory");
  }

  @Test
  void twoDaysOfAWeeklySeasonForecastOnTheDailySeasonMeanwhile() {
    forecast(WEEKLY);
    source.answers.add(weekdayPeak(2));
    executor.runAll();
    ForecastOutcome f = forecast(WEEKLY).orElseThrow();
    assertThat(f.reason()).isEqualTo("HistoryReady");
    assertThat(f.message()).containsIgnoringCase("daily");
    assertThat(f.status().orElseThrow().getSamples()).isEqualTo(576);
  }

  @Test
  void aHistoryWithHolesIsTooGappy() {
    forecast(WEEKLY);
    List<TimedValue> holes = new ArrayList<>();
    List<TimedValue> all = weekdayPeak(15);
    for (int i = 0; i < all.size(); i++) {
      if ((i / 72) % 2 == 0) { // six hours of samples, six hours without, and so on
        holes.add(all.get(i));
      }
    }
    source.answers.add(holes);
    executor.runAll();
    assertThat(forecast(WEEKLY).orElseThrow().reason()).isEqualTo("HistoryTooGappy");
  }

  @Test
  void aReadyForecastAsksForThePeaksReplicasLeadTimeAhead() {
    forecast(WEEKLY);
    source.answers.add(weekdayPeak(15));
    executor.runAll();
    ForecastOutcome f = forecast(WEEKLY).orElseThrow();

    assertThat(f.ready()).isTrue();
    assertThat(f.reason()).isEqualTo("HistoryReady");
    // The cover is the peak plus a noise margin (never less than a Poisson deviation): 11, not
    // the 10 replicas the peak of 100 alone would need.
    assertThat(f.replicas()).hasValue(11);
    var s = f.status().orElseThrow();
    // The level is a ratio of sums shrunk towards 1, so the recent days move it a little.
    assertThat(s.getPredictedLoad()).isCloseTo(100.0, org.assertj.core.data.Offset.offset(1.0));
    assertThat(s.getPredictedReplicas()).isEqualTo(11);
    assertThat(s.getPeakLoad()).isCloseTo(100.0, org.assertj.core.data.Offset.offset(1.0));
    assertThat(s.getPeakAt()).isEqualTo("2026-11-17T09:00:00Z");
    assertThat(s.getErrorSmape()).isEqualTo(0.0);
    assertThat(s.getSamples()).isEqualTo(4320);
    assertThat(s.getCoverage()).isEqualTo(1.0);
    assertThat(s.getSignal()).isEqualTo("requests");
    assertThat(s.getHistoryEnd()).isEqualTo(NOW.toString());
    assertThat(s.getUpdatedAt()).isEqualTo(NOW.toString());
  }

  @Test
  void aFailedRefreshKeepsForecastingFromTheLastGoodHistoryAndSaysSo() {
    forecast(WEEKLY);
    source.answers.add(weekdayPeak(15));
    executor.runAll();
    Instant later = NOW.plus(Duration.ofMinutes(10));
    PolicySpec spec = PolicySpecMapper.toEngine(WEEKLY, 0);
    forecaster.forecast(WEEKLY, spec, 2, later);
    source.answers.add(HistoryCacheTest.unreachable());
    executor.runAll();
    ForecastOutcome f = forecaster.forecast(WEEKLY, spec, 2, later).orElseThrow();
    assertThat(f.ready()).isTrue();
    assertThat(f.message()).contains("latest refresh failed").contains(NOW.toString());
  }
}
