package dev.headroom.operator.forecast;

import dev.headroom.engine.forecast.Forecast;
import dev.headroom.engine.forecast.ForecastRecommender;
import dev.headroom.engine.forecast.ForecastSettings;
import dev.headroom.engine.forecast.LoadSample;
import dev.headroom.engine.forecast.SeasonalForecaster;
import dev.headroom.engine.model.ApiDurations;
import dev.headroom.engine.model.ForecastSpec;
import dev.headroom.engine.model.LoadSignal;
import dev.headroom.engine.model.PolicySpec;
import dev.headroom.operator.api.v1alpha1.ForecastStatus;
import dev.headroom.operator.api.v1alpha1.ScalingPolicy;
import dev.headroom.operator.prometheus.TimedValue;
import dev.headroom.operator.signal.SeriesSelector;
import dev.headroom.operator.status.EventReasons;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The forecast of one policy at one reconcile: its history from the {@link HistoryCache} (never
 * waiting for Prometheus), the engine's {@link SeasonalForecaster} over it, and the replicas the
 * {@link ForecastRecommender} derives, with the reason when there are none.
 */
public final class PolicyForecaster {

  private final HistoryCache histories;
  private final int maxPoints;
  private final SeasonalForecaster forecaster;
  private final ForecastRecommender recommender = new ForecastRecommender();

  /**
   * @param maxPoints most points Prometheus returns for one series of a range query
   * @param syncPeriod how often a policy with a forecast is decided again at the latest: the
   *     forecast's window reaches two of them past the lead time ({@link
   *     ForecastSettings#decisionInterval()}), one until the next decision and one for that
   *     decision's own delays (a queue behind other policies, the patch), so that replicas for a
   *     step are asked for at least the lead time before it
   */
  public PolicyForecaster(HistoryCache histories, int maxPoints, Duration syncPeriod) {
    this.histories = histories;
    this.maxPoints = maxPoints;
    this.forecaster =
        new SeasonalForecaster(
            ForecastSettings.defaults().withDecisionInterval(syncPeriod.multipliedBy(2)));
  }

  /**
   * @param spec the policy as the engine sees it, already validated
   * @return empty when the policy has no enabled forecast
   */
  public Optional<ForecastOutcome> forecast(
      ScalingPolicy policy, PolicySpec spec, int currentReplicas, Instant now) {
    Optional<ForecastSpec> settings = spec.forecast().filter(ForecastSpec::enabled);
    if (settings.isEmpty()) {
      return Optional.empty();
    }
    Optional<LoadSignal> signal = ForecastRecommender.signal(spec);
    Optional<String> query = signal.flatMap(s -> query(policy, s.name()));
    if (query.isEmpty()) {
      return Optional.of(
          ForecastOutcome.notReady(
              EventReasons.NO_LOAD_SIGNAL,
              "the policy has no load signal with a query to forecast (spec.load.signals)",
              Optional.empty()));
    }
    ForecastSpec f = settings.get();
    HistoryKey key =
        HistoryKey.of(policy.getMetadata().getUid(), query.get(), f.lookback(), maxPoints);
    History history = histories.current(key, now);
    String name = signal.get().name();
    ForecastStatus status = new ForecastStatus();
    status.setSignal(name);
    status.setStep(ApiDurations.format(key.step()));
    history.end().ifPresent(e -> status.setHistoryEnd(e.toString()));
    // The forecast moves step by step: stamping the step, not the instant, writes the status
    // once per step instead of at every reconcile.
    status.setUpdatedAt(HistoryCache.alignDown(now, key.step()).toString());
    switch (history.state()) {
      case PENDING -> {
        return Optional.of(
            ForecastOutcome.notReady(
                EventReasons.HISTORY_PENDING,
                "querying "
                    + ApiDurations.format(f.lookback())
                    + " of history of signal "
                    + name
                    + " from Prometheus; the policy scales on its other sources meanwhile",
                Optional.of(status)));
      }
      case FAILED -> {
        return Optional.of(
            ForecastOutcome.notReady(
                EventReasons.PROMETHEUS_UNAVAILABLE,
                "the history of signal "
                    + name
                    + " could not be read: "
                    + history.error().orElse("?")
                    + "; retrying, the policy scales on its other sources meanwhile",
                Optional.of(status)));
      }
      default -> {
        // FETCHED: forecast below
      }
    }
    Forecast forecast = forecaster.forecast(f, samples(history.samples()), now);
    status.setSamples(forecast.samples());
    status.setCoverage(round(forecast.coverage()));
    String stale =
        history
            .error()
            .map(
                e ->
                    "; the latest refresh failed ("
                        + e
                        + "), the history up to "
                        + history.end().map(Instant::toString).orElse("?")
                        + " is used")
            .orElse("");
    if (!forecast.ready()) {
      String reason =
          switch (forecast.state()) {
            case NO_HISTORY -> EventReasons.NO_HISTORY;
            case HISTORY_TOO_SHORT -> EventReasons.HISTORY_TOO_SHORT;
            case HISTORY_TOO_GAPPY -> EventReasons.HISTORY_TOO_GAPPY;
            case READY -> throw new IllegalStateException("a ready forecast");
          };
      return Optional.of(
          ForecastOutcome.notReady(
              reason,
              "signal "
                  + name
                  + ": "
                  + forecast.message()
                  + "; the policy scales on its other sources"
                  + stale,
              Optional.of(status)));
    }
    OptionalInt replicas = recommender.replicas(spec, forecast, currentReplicas);
    status.setPredictedLoad(round(forecast.predictedLoad().getAsDouble()));
    forecast.peakLoad().ifPresent(p -> status.setPeakLoad(round(p)));
    forecast.peakAt().ifPresent(p -> status.setPeakAt(p.toString()));
    forecast.smape().ifPresent(e -> status.setErrorSmape(round(e / 100)));
    forecast.mape().ifPresent(e -> status.setErrorMape(round(e / 100)));
    if (replicas.isPresent()) {
      status.setPredictedReplicas(replicas.getAsInt());
    }
    return Optional.of(
        new ForecastOutcome(
            replicas,
            true,
            EventReasons.HISTORY_READY,
            "signal " + name + ": " + forecast.message() + stale,
            Optional.of(status)));
  }

  /** Forgets the history of every policy not in {@code uids}. */
  public void retain(Set<String> uids) {
    histories.retain(uids);
  }

  private static Optional<String> query(ScalingPolicy policy, String signal) {
    var signals = policy.getSpec().getLoad().getSignals();
    if (signals == null) {
      return Optional.empty();
    }
    // A shared query's history is that of the signal's own series.
    return signals.stream()
        .filter(s -> signal.equals(s.getName()))
        .filter(s -> s.getQuery() != null && !s.getQuery().isBlank())
        .map(s -> new SeriesSelector(s.getQuery(), s.getMatchLabels()).singleSeriesQuery())
        .findFirst();
  }

  private static List<LoadSample> samples(List<TimedValue> values) {
    return values.stream().map(v -> new LoadSample(v.at(), v.value())).toList();
  }

  /** Three decimals are what a status reader needs; more only churns the status. */
  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
