package dev.headroom.benchmarks;

import dev.headroom.engine.forecast.Forecast;
import dev.headroom.engine.forecast.LoadSample;
import dev.headroom.engine.forecast.SeasonalForecaster;
import dev.headroom.engine.model.ForecastSpec;
import dev.headroom.engine.model.Seasonality;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One {@link SeasonalForecaster#forecast} from 14 days of one-minute samples (20,160 samples, a
 * weekday office-hours shape with seeded noise), weekly and daily season: the cost the operator
 * pays per policy when its cached forecast expires. Time per call.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@Threads(1)
public class ForecastBenchmark {

  static final long SEED = 20261123L;

  @Param({"WEEKLY", "DAILY"})
  public Seasonality seasonality;

  private final SeasonalForecaster forecaster = new SeasonalForecaster();
  private ForecastSpec spec;
  private List<LoadSample> history;
  private Instant now;

  @Setup(Level.Trial)
  public void setUp() {
    spec =
        new ForecastSpec(
            true,
            Duration.ofDays(14),
            Duration.ofHours(1),
            Duration.ofMinutes(10),
            seasonality,
            null);
    now = Instant.parse("2026-11-30T08:45:00Z");
    Random random = new Random(SEED);
    history = new ArrayList<>();
    for (Instant t = now.minus(Duration.ofDays(14)); t.isBefore(now); t = t.plusSeconds(60)) {
      ZonedDateTime z = t.atZone(ZoneOffset.UTC);
      boolean weekday =
          z.getDayOfWeek() != DayOfWeek.SATURDAY && z.getDayOfWeek() != DayOfWeek.SUNDAY;
      double base = weekday && z.getHour() >= 9 && z.getHour() < 17 ? 1000 : 100;
      history.add(new LoadSample(t, base * (1 + 0.05 * random.nextGaussian())));
    }
  }

  @Benchmark
  public Forecast forecast() {
    return forecaster.forecast(spec, history, now);
  }
}
