package dev.headroom.simulator.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.engine.forecast.ForecastMethod;
import dev.headroom.engine.forecast.ForecastSettings;
import dev.headroom.engine.forecast.ForecastState;
import dev.headroom.engine.model.ForecastSpec;
import dev.headroom.engine.model.Seasonality;
import dev.headroom.simulator.report.ForecastMarkdown;
import dev.headroom.simulator.sim.SimulationSettings;
import dev.headroom.simulator.sim.StrategyKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForecastMarkdownTest {

  static TraceForecast run() {
    ForecastSpec spec =
        new ForecastSpec(
            true,
            Duration.ofDays(14),
            Duration.ofHours(1),
            Duration.ofMinutes(10),
            Seasonality.WEEKLY,
            null);
    Accuracy a =
        new Accuracy(
            ForecastMethod.SEASONAL_NAIVE_LEVEL,
            Seasonality.WEEKLY,
            Duration.ofHours(1),
            100,
            Map.of(ForecastState.READY, 100L),
            2.14,
            2.2,
            2.6,
            2.7,
            51);
    return new TraceForecast(
        "Wikipedia",
        "examples/traces/wikipedia-2022sep-dec-hour.csv",
        "benchmarks/wikipedia.yaml",
        Instant.parse("2022-09-29T00:00:00Z"),
        Instant.parse("2023-01-01T00:00:00Z"),
        spec,
        List.of(a),
        a,
        new PeakResult(StrategyKind.HEADROOM, 94, 30, 60, 35, 71000, 26000),
        new PeakResult(StrategyKind.HEADROOM, 94, 0, 1, 0, 67851, 64904),
        new PeakResult(StrategyKind.HPA, 94, 0, 1, 0, 67851, 64904),
        20.5,
        List.of());
  }

  @Test
  void theSectionHasTheTablesAndReplacesOnlyItself(@TempDir Path dir) throws Exception {
    String section =
        new ForecastMarkdown()
            .section(
                List.of(run()),
                ForecastSettings.defaults(),
                SimulationSettings.defaults(),
                2,
                LocalDate.of(2026, 11, 23),
                "17");
    Path file = dir.resolve("forecasting.md");
    Files.writeString(
        file,
        "# Forecasting\n\nhand-written\n\n"
            + ForecastMarkdown.BEGIN
            + "\nold\n"
            + ForecastMarkdown.END
            + "\n\nafter\n");

    ForecastMarkdown.write(file, section);

    String text = Files.readString(file);
    assertThat(text)
        .startsWith("# Forecasting\n\nhand-written\n\n")
        .endsWith("\nafter\n")
        .doesNotContain("\nold\n")
        .contains(
            "| Wikipedia | weekly | ready | 2.1% / 2.2% | 2.6% / 2.7% | 94 | 30 (32%) /"
                + " 0 (0%) / 0 (0%) | 60 (64%) / 1 (1%) / 1 (1%) | 35 (37%) / 0 (0%) / 0 (0%) | 71000 / 67851 / 67851 |"
                + " 26000 / 64904 / 64904 |")
        .contains(
            "| Wikipedia | weekly | SEASONAL_NAIVE_LEVEL | 1h | 100 | 100% | 2.1% / 2.2% |"
                + " 2.6% / 2.7% | 0.05 ms |")
        .contains("Wikimedia Foundation projectviews");
  }
}
