package dev.headroom.simulator.sim;

import dev.headroom.engine.forecast.Forecast;
import dev.headroom.engine.forecast.ForecastRecommender;
import dev.headroom.engine.forecast.LoadSample;
import dev.headroom.engine.forecast.SeasonalForecaster;
import dev.headroom.engine.model.ForecastSpec;
import dev.headroom.engine.model.PolicySpec;
import dev.headroom.simulator.input.Trace;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The forecast of one policy as the operator computes it: the history is what a Prometheus range
 * query over {@code forecast.lookback} returns at {@code now} (one sample per trace interval, the
 * interval's request rate, visible once the interval has ended and the metric delay has passed),
 * fed to the engine's {@link SeasonalForecaster}, and the predicted load turned into replicas by
 * the {@link ForecastRecommender}.
 *
 * <p>A forecast depends on {@code now} only through the step that contains {@code now} and the step
 * that contains {@code now + reach} ({@link dev.headroom.engine.forecast.ForecastSettings#reach}:
 * the lead time, plus the decision interval when only the lead-time step is covered); it is
 * recomputed when either changes.
 */
public final class ForecastFeed {

  private final PolicySpec spec;
  private final ForecastSpec forecastSpec;
  private final SeasonalForecaster forecaster;
  private final ForecastRecommender recommender = new ForecastRecommender();
  private final List<LoadSample> samples;
  private final long[] visibleAt;
  private final long delay;
  private long cachedKey = Long.MIN_VALUE;
  private Forecast cached;
  private int forecasts;
  private ForecastReadiness readiness = ForecastReadiness.none();

  public ForecastFeed(
      PolicySpec spec, Trace trace, Duration metricDelay, SeasonalForecaster forecaster) {
    this.spec = spec;
    this.forecastSpec = spec.forecast().orElseThrow();
    this.forecaster = forecaster;
    this.delay = metricDelay.getSeconds();
    this.samples = samples(trace);
    this.visibleAt = new long[samples.size()];
    for (int i = 0; i < visibleAt.length; i++) {
      visibleAt[i] = samples.get(i).at().getEpochSecond() + trace.intervalSeconds() + delay;
    }
  }

  /** One sample per trace interval at its start: the interval's rate per second. */
  public static List<LoadSample> samples(Trace trace) {
    List<LoadSample> out = new ArrayList<>(trace.size());
    for (int i = 0; i < trace.size(); i++) {
      out.add(
          new LoadSample(
              Instant.ofEpochSecond(trace.startSecond() + (long) i * trace.intervalSeconds()),
              trace.rate(i)));
    }
    return out;
  }

  /** Whether the policy's forecast is on and has a load signal to follow. */
  public static boolean applies(PolicySpec spec) {
    return spec.forecast().map(ForecastSpec::enabled).orElse(false)
        && ForecastRecommender.signal(spec).isPresent();
  }

  /** The forecast at {@code now} (cached per step). */
  public Forecast forecast(long now) {
    long step = cached == null ? 300 : cached.step().getSeconds();
    long reach = forecaster.settings().reach(forecastSpec.leadTime()).getSeconds();
    long key = Math.floorDiv(now, step) * 1_000_003L + Math.floorDiv(now + reach, step);
    if (cached == null || key != cachedKey) {
      int to = upperBound(now);
      int from = upperBound(now - forecastSpec.lookback().getSeconds());
      cached =
          forecaster.forecast(
              forecastSpec, samples.subList(Math.min(from, to), to), Instant.ofEpochSecond(now));
      cachedKey = key;
      forecasts++;
      readiness = readiness.with(cached.now(), cached.ready(), cached.message());
    }
    return cached;
  }

  /** The forecast's replica recommendation at {@code now}, if it is ready. */
  public OptionalInt replicas(long now, int currentReplicas) {
    return recommender.replicas(spec, forecast(now), currentReplicas);
  }

  /** How many forecasts were computed (not served from the cache). */
  public int forecasts() {
    return forecasts;
  }

  /** When and why the forecasts computed so far were not ready. */
  public ForecastReadiness readiness() {
    return readiness;
  }

  /** Number of samples visible at {@code now}. */
  private int upperBound(long now) {
    int lo = 0;
    int hi = visibleAt.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (visibleAt[mid] <= now) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
