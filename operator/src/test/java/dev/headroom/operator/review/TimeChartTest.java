package dev.headroom.operator.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeChartTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "0, 1",
    "-3, 1",
    "0.3, 0.5",
    "1, 1",
    "7, 10",
    "37, 50",
    "40, 50",
    "180, 200",
    "201, 250",
    "1001, 2000"
  })
  void theAxisEndsAtARoundNumberAtOrAboveTheLargestValue(double max, double axis) {
    assertThat(TimeChart.niceCeiling(max)).isEqualTo(axis);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "a long history starts a thirtieth of it earlier, 2026-12-05T07:00:00Z, 2026-12-05T06:58:00Z",
    "a short one still spans 20 seconds, 2026-12-05T07:59:50Z, 2026-12-05T07:59:39.333333334Z"
  })
  void theChartStartsBeforeTheFirstDecision(String name, Instant first, Instant start) {
    assertThat(TimeChart.startFor(first, Instant.parse("2026-12-05T08:00:00Z"))).isEqualTo(start);
  }
}
