package dev.headroom.engine.forecast;

import dev.headroom.engine.model.ForecastSpec;
import dev.headroom.engine.model.Seasonality;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * Seasonal forecast of one load signal from its recent history: the shape of the last seasons
 * (daily or weekly, UTC, epoch-aligned slots), scaled by a robust level factor (the median ratio of
 * recent actual load to what the seasonal reference predicted for it). See {@link ForecastMethod}
 * for the variants and docs/forecasting.md for why the default was chosen.
 *
 * <p>Pure and stateless: the same inputs give the same forecast; the only time read is the {@code
 * now} argument. Bad samples (NaN, infinite, negative, outside the lookback window, unsorted,
 * duplicated) never throw: they are dropped or averaged, and a history that is empty, too short or
 * too gappy gives a {@link Forecast} that is not ready, with the reason. An invalid {@link
 * ForecastSpec} (null or non-positive durations) is a programming error of the host and throws
 * {@link IllegalArgumentException}; hosts validate policies first.
 *
 * <p>Readiness thresholds: the history (first usable sample to {@code now}) and the lookback must
 * both cover at least one season plus the horizon; at most {@link
 * ForecastSettings#maxMissingFraction()} of the steps since the first sample may be empty.
 */
public final class SeasonalForecaster {

  /** Step lengths that divide a day, so slots stay aligned to the season. */
  private static final long[] STEPS = {
    60, 120, 300, 600, 900, 1200, 1800, 3600, 7200, 10800, 14400, 21600, 28800, 43200, 86400
  };

  /** The covered load is at most this multiple of the last season's peak. */
  static final double CAP_MULTIPLE = 1.5;

  /** The prior that shrinks the level towards 1, in requests (the values read as rates/s). */
  static final double PRIOR_COUNT = 10;

  private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

  /** The level factor is measured over at least this many steps. */
  static final int MIN_LEVEL_STEPS = 3;

  /** The cover percentile is taken over at least this many steps (12 h of an hourly series). */
  static final int MIN_COVER_STEPS = 12;

  private final ForecastSettings settings;

  public SeasonalForecaster() {
    this(ForecastSettings.defaults());
  }

  public SeasonalForecaster(ForecastSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  public ForecastSettings settings() {
    return settings;
  }

  /**
   * Forecasts the load after {@code now} from {@code history}.
   *
   * @param spec lookback, horizon, lead time and season
   * @param history samples of the signal in any order; may be null or empty
   * @param now the time to forecast from
   */
  public Forecast forecast(ForecastSpec spec, List<LoadSample> history, Instant now) {
    check(spec, now);
    Forecast asked = seasonal(spec, history, now);
    if (asked.ready()
        || spec.seasonality() != Seasonality.WEEKLY
        || asked.state() != ForecastState.HISTORY_TOO_SHORT
        || spec.lookback().compareTo(spec.seasonality().period().plus(spec.horizon())) < 0) {
      return asked;
    }
    ForecastSpec dailySpec =
        new ForecastSpec(
            spec.enabled(),
            spec.lookback(),
            spec.horizon(),
            spec.leadTime(),
            Seasonality.DAILY,
            spec.signal());
    Forecast daily = seasonal(dailySpec, history, now);
    if (!daily.ready()) {
      return asked;
    }
    return daily.withMessage(
        "daily season until the weekly one is ready (" + asked.message() + "): " + daily.message());
  }

  /** The forecast with the spec's season only. */
  private Forecast seasonal(ForecastSpec spec, List<LoadSample> history, Instant now) {
    long nowSec = now.getEpochSecond();
    long fromSec = now.minus(spec.lookback()).getEpochSecond();
    long season = spec.seasonality().period().getSeconds();
    long needed = season + spec.horizon().getSeconds();

    List<LoadSample> usable = new ArrayList<>(history == null ? 0 : history.size());
    int dropped = 0;
    if (history != null) {
      for (LoadSample s : history) {
        if (s == null || s.at() == null || !Double.isFinite(s.value()) || s.value() < 0) {
          dropped++;
        } else if (s.at().getEpochSecond() >= fromSec && s.at().getEpochSecond() < nowSec) {
          usable.add(s);
        }
      }
    }
    long stepSec = step(usable);
    Duration step = Duration.ofSeconds(stepSec);
    Instant coveredUntil =
        coveredUntil(
            nowSec, stepSec, settings.reach(spec.leadTime()), settings.coverFollowingStep());
    String droppedText = dropped == 0 ? "" : " (" + dropped + " invalid samples dropped)";
    if (usable.isEmpty()) {
      return Forecast.notReady(
          ForecastState.NO_HISTORY,
          "no usable samples in the last " + human(spec.lookback()) + droppedText,
          now,
          step,
          coveredUntil,
          0,
          0);
    }
    if (spec.lookback().getSeconds() < needed) {
      return Forecast.notReady(
          ForecastState.HISTORY_TOO_SHORT,
          "lookback "
              + human(spec.lookback())
              + " is shorter than one "
              + spec.seasonality().name().toLowerCase(Locale.ROOT)
              + " season plus the horizon ("
              + human(Duration.ofSeconds(needed))
              + ")",
          now,
          step,
          coveredUntil,
          usable.size(),
          0);
    }
    StepSeries series = StepSeries.of(usable, stepSec, fromSec, nowSec);
    if (series.firstPresent < 0) {
      return Forecast.notReady(
          ForecastState.NO_HISTORY,
          "no complete step of history before now" + droppedText,
          now,
          step,
          coveredUntil,
          usable.size(),
          0);
    }
    int spanSteps = series.length() - series.firstPresent;
    double coverage = (double) series.presentCount / spanSteps;
    long span = (long) spanSteps * stepSec;
    if (span < needed) {
      return Forecast.notReady(
          ForecastState.HISTORY_TOO_SHORT,
          "history covers "
              + human(Duration.ofSeconds(span))
              + ", needs one "
              + spec.seasonality().name().toLowerCase(Locale.ROOT)
              + " season plus the horizon ("
              + human(Duration.ofSeconds(needed))
              + ")"
              + droppedText,
          now,
          step,
          coveredUntil,
          usable.size(),
          coverage);
    }
    if (1 - coverage > settings.maxMissingFraction()) {
      return Forecast.notReady(
          ForecastState.HISTORY_TOO_GAPPY,
          String.format(
              Locale.ROOT,
              "%.0f%% of the %s steps since the first sample are empty"
                  + " (at most %.0f%% allowed)%s",
              (1 - coverage) * 100,
              human(step),
              settings.maxMissingFraction() * 100,
              droppedText),
          now,
          step,
          coveredUntil,
          usable.size(),
          coverage);
    }
    return predict(spec, series, now, step, coveredUntil, usable.size(), coverage, droppedText);
  }

  private Forecast predict(
      ForecastSpec spec,
      StepSeries series,
      Instant now,
      Duration step,
      Instant coveredUntil,
      int samples,
      double coverage,
      String droppedText) {
    long stepSec = series.stepSeconds;
    int period = (int) (spec.seasonality().period().getSeconds() / stepSec);
    int nowIdx = series.length();
    long nowStep = series.firstStep + nowIdx;
    int horizonEnd =
        (int)
            (Math.floorDiv(now.plus(spec.horizon()).getEpochSecond(), stepSec) - series.firstStep);
    int windowEnd = (int) (coveredUntil.getEpochSecond() / stepSec - series.firstStep) - 1;
    int last = Math.max(horizonEnd, windowEnd);
    // Without the following step the forecast covers only a lead-time step later than now's:
    // the current step is the reactive path's, which sees its actual load.
    int windowStart = settings.coverFollowingStep() ? nowIdx : Math.max(nowIdx + 1, windowEnd);

    int seasons = seasons(series, nowIdx, period);
    double[] levels = levels(series, nowIdx, period, seasons);
    double level = levels[0];
    double sigma = levels[1];
    double z = z(settings.coverPercentile());
    double cap = CAP_MULTIPLE * lastSeasonPeak(series, nowIdx, period);
    List<LoadSample> path = new ArrayList<>(last - nowIdx + 1);
    double predicted = 0;
    double peak = -1;
    int peakIdx = nowIdx;
    for (int t = nowIdx; t <= last; t++) {
      double ref = reference(series, t, nowIdx, period, seasons);
      double f = Double.isNaN(ref) ? 0 : Math.max(0, level * ref);
      path.add(new LoadSample(Instant.ofEpochSecond((series.firstStep + t) * stepSec), f));
      if (t >= windowStart && t <= windowEnd && !Double.isNaN(ref)) {
        double point = Math.max(0, level * ref);
        double noise = Math.max(sigma, Math.sqrt(point / stepSec));
        predicted = Math.max(predicted, point + z * noise);
      }
      if (t <= horizonEnd && f > peak) {
        peak = f;
        peakIdx = t;
      }
    }
    boolean capped = predicted > cap;
    if (capped) {
      predicted = cap;
    }
    double[] errors = backtest(series, nowIdx, period);
    Instant peakAt = Instant.ofEpochSecond((series.firstStep + peakIdx) * stepSec);
    String message =
        String.format(
            Locale.ROOT,
            "covering %s until %s (lead time %s)%s, peak %s at %s over the next %s; %s season,"
                + " level x%.2f, noise %s (p%s), backtest sMAPE %s%s",
            num(predicted),
            coveredUntil,
            human(spec.leadTime()),
            capped ? " (capped at " + num(CAP_MULTIPLE) + " x the last season's peak)" : "",
            num(peak),
            peakAt,
            human(spec.horizon()),
            spec.seasonality().name().toLowerCase(Locale.ROOT),
            level,
            num(sigma),
            num(settings.coverPercentile()),
            Double.isNaN(errors[0])
                ? "n/a (needs two seasons)"
                : String.format(Locale.ROOT, "%.1f%%", errors[0]),
            droppedText);
    return new Forecast(
        ForecastState.READY,
        message,
        now,
        step,
        OptionalDouble.of(predicted),
        coveredUntil,
        OptionalDouble.of(peak),
        Optional.of(peakAt),
        optional(errors[0]),
        optional(errors[1]),
        samples,
        coverage,
        path);
  }

  /**
   * The seasonal reference for step {@code t} using only steps before {@code limit}: the median of
   * the same slot in the {@code seasons} latest earlier seasons (1: the value one season earlier).
   * NaN when no earlier season is in the history.
   */
  private double reference(StepSeries series, int t, int limit, int period, int seasons) {
    double[] buf = new double[seasons];
    int n = 0;
    for (int k = t - period; k >= 0 && n < seasons; k -= period) {
      if (k >= limit) {
        continue;
      }
      double v = series.values[k];
      if (!Double.isNaN(v)) {
        buf[n++] = v;
      }
    }
    if (n == 0) {
      return Double.NaN;
    }
    if (n == 1) {
      return buf[0];
    }
    Arrays.sort(buf, 0, n);
    return n % 2 == 1 ? buf[n / 2] : (buf[n / 2 - 1] + buf[n / 2]) / 2;
  }

  /**
   * How many seasons the reference takes the median of, the same for the level window before {@code
   * limit} and the steps after it, so that the level compares like with like: 1 for the naive
   * methods, else as many as the history before the level window holds (at most {@code
   * maxSeasons}).
   */
  private int seasons(StepSeries series, int limit, int period) {
    if (settings.method() != ForecastMethod.SEASONAL_MEDIAN_LEVEL) {
      return 1;
    }
    int window = Math.max(levelSteps(series), coverSteps(series));
    int available = (limit - window - series.firstPresent) / period;
    return Math.max(1, Math.min(settings.maxSeasons(), available));
  }

  /** The level window in steps: {@code levelWindow}, and at least {@link #MIN_LEVEL_STEPS}. */
  private int levelSteps(StepSeries series) {
    return (int)
        Math.max(MIN_LEVEL_STEPS, settings.levelWindow().getSeconds() / series.stepSeconds);
  }

  /** The cover window in steps: {@code coverWindow}, and at least {@link #MIN_COVER_STEPS}. */
  private int coverSteps(StepSeries series) {
    return (int)
        Math.max(MIN_COVER_STEPS, settings.coverWindow().getSeconds() / series.stepSeconds);
  }

  /**
   * The level and the noise, both from the steps before {@code limit}.
   *
   * <p>The level is the ratio of sums, actual over seasonal reference, over the level window,
   * shrunk towards 1 by a prior of {@link #PRIOR_COUNT} requests ({@code (Σ actual · step + prior)
   * / (Σ reference · step + prior)}, values read as rates per second): on high counts it is the
   * plain ratio, on a handful of requests one burst cannot move it far. Clamped to {@code
   * minLevel..maxLevel}; 1 for the plain seasonal-naive method or when no ratio can be formed.
   *
   * <p>The noise is the robust spread (1.4826 × the median absolute deviation) of the residuals
   * {@code actual − level × reference} over the cover window: additive, so that a single outlier or
   * a reference near zero cannot multiply the covered load. 0 when no residual can be formed.
   */
  private double[] levels(StepSeries series, int limit, int period, int seasons) {
    int levelSteps = levelSteps(series);
    int coverSteps = coverSteps(series);
    int window = Math.max(levelSteps, coverSteps);
    double actualSum = 0;
    double refSum = 0;
    int nLevel = 0;
    double[] refs = new double[window];
    double[] actuals = new double[window];
    int n = 0;
    for (int t = Math.max(0, limit - window); t < limit; t++) {
      if (!series.present[t]) {
        continue;
      }
      double ref = reference(series, t, limit, period, seasons);
      if (Double.isNaN(ref)) {
        continue;
      }
      if (t >= limit - levelSteps) {
        actualSum += series.values[t];
        refSum += ref;
        nLevel++;
      }
      if (t >= limit - coverSteps) {
        refs[n] = ref;
        actuals[n] = series.values[t];
        n++;
      }
    }
    double level = 1;
    if (settings.method() != ForecastMethod.SEASONAL_NAIVE && nLevel > 0 && refSum > 0) {
      double step = series.stepSeconds;
      level = clamp((actualSum * step + PRIOR_COUNT) / (refSum * step + PRIOR_COUNT));
    }
    if (n == 0) {
      return new double[] {level, 0};
    }
    double[] residuals = new double[n];
    for (int i = 0; i < n; i++) {
      residuals[i] = actuals[i] - level * refs[i];
    }
    double median = new Percentile().evaluate(residuals, 0, n, 50);
    for (int i = 0; i < n; i++) {
      residuals[i] = Math.abs(residuals[i] - median);
    }
    return new double[] {level, 1.4826 * new Percentile().evaluate(residuals, 0, n, 50)};
  }

  /** The largest load of the last season before {@code limit}; infinite when none. */
  private static double lastSeasonPeak(StepSeries series, int limit, int period) {
    double peak = -1;
    for (int t = Math.max(0, limit - period); t < limit; t++) {
      if (series.present[t]) {
        peak = Math.max(peak, series.values[t]);
      }
    }
    return peak < 0 ? Double.POSITIVE_INFINITY : peak;
  }

  /** The standard normal quantile of {@code percentile}; 0 at or below the median. */
  static double z(double percentile) {
    if (percentile <= 50) {
      return 0;
    }
    return NORMAL.inverseCumulativeProbability(Math.min(99.9, percentile) / 100);
  }

  private double clamp(double level) {
    return Math.max(settings.minLevel(), Math.min(settings.maxLevel(), level));
  }

  /**
   * sMAPE and MAPE (percent) of forecasting the last season from the history before it; NaN when
   * the history holds less than two seasons.
   */
  private double[] backtest(StepSeries series, int nowIdx, int period) {
    int origin = nowIdx - period;
    if (origin - period < series.firstPresent) {
      return new double[] {Double.NaN, Double.NaN};
    }
    int seasons = seasons(series, origin, period);
    double level = levels(series, origin, period, seasons)[0];
    double smape = 0;
    int smapeN = 0;
    double mape = 0;
    int mapeN = 0;
    for (int t = origin; t < nowIdx; t++) {
      if (!series.present[t]) {
        continue;
      }
      double ref = reference(series, t, origin, period, seasons);
      if (Double.isNaN(ref)) {
        continue;
      }
      double f = Math.max(0, level * ref);
      double a = series.values[t];
      double denominator = Math.abs(f) + Math.abs(a);
      if (denominator > 0) {
        smape += 2 * Math.abs(f - a) / denominator;
        smapeN++;
      }
      if (a > 0) {
        mape += Math.abs(f - a) / a;
        mapeN++;
      }
    }
    return new double[] {
      smapeN == 0 ? Double.NaN : 100 * smape / smapeN, mapeN == 0 ? Double.NaN : 100 * mape / mapeN
    };
  }

  /**
   * End of the window the recommendation covers: the end of the step after the one that contains
   * {@code now + reach}, or of that step itself without {@code followingStep} ({@link
   * ForecastSettings#reach}).
   */
  static Instant coveredUntil(long nowSec, long stepSec, Duration reach, boolean followingStep) {
    long leadStep = Math.floorDiv(nowSec + reach.getSeconds(), stepSec);
    return Instant.ofEpochSecond((leadStep + (followingStep ? 2 : 1)) * stepSec);
  }

  /** The forecast step: the configured minimum, or the samples' median spacing if coarser. */
  private long step(List<LoadSample> samples) {
    long min = settings.minStep().getSeconds();
    long spacing = 0;
    if (samples.size() >= 2) {
      long[] times = new long[samples.size()];
      for (int i = 0; i < times.length; i++) {
        times[i] = samples.get(i).at().getEpochSecond();
      }
      if (!sorted(times)) {
        Arrays.sort(times);
      }
      // The median of the latest (up to) 1024 spacings: the sample interval.
      int first = Math.max(1, times.length - 1024);
      long[] gaps = new long[times.length - first];
      int n = 0;
      for (int i = first; i < times.length; i++) {
        if (times[i] > times[i - 1]) {
          gaps[n++] = times[i] - times[i - 1];
        }
      }
      if (n > 0) {
        Arrays.sort(gaps, 0, n);
        spacing = gaps[n / 2];
      }
    }
    long wanted = Math.max(min, spacing);
    for (long s : STEPS) {
      if (s >= wanted) {
        return s;
      }
    }
    return STEPS[STEPS.length - 1];
  }

  private static boolean sorted(long[] times) {
    for (int i = 1; i < times.length; i++) {
      if (times[i] < times[i - 1]) {
        return false;
      }
    }
    return true;
  }

  private static void check(ForecastSpec spec, Instant now) {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(now, "now");
    positive("lookback", spec.lookback());
    positive("horizon", spec.horizon());
    if (spec.leadTime() == null || spec.leadTime().isNegative()) {
      throw new IllegalArgumentException("forecast leadTime must be >= 0, got " + spec.leadTime());
    }
  }

  private static void positive(String name, Duration d) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("forecast " + name + " must be positive, got " + d);
    }
  }

  private static OptionalDouble optional(double v) {
    return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
  }

  private static String num(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return String.format(Locale.ROOT, "%.2f", v);
  }

  /** A duration in the API's notation, e.g. {@code 7d1h}. */
  static String human(Duration d) {
    long s = d.getSeconds();
    if (s == 0) {
      return "0s";
    }
    StringBuilder out = new StringBuilder();
    long[] units = {86400, 3600, 60, 1};
    String[] names = {"d", "h", "m", "s"};
    for (int i = 0; i < units.length; i++) {
      if (s >= units[i]) {
        out.append(s / units[i]).append(names[i]);
        s %= units[i];
      }
    }
    return out.toString();
  }
}
