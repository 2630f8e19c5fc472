package dev.headroom.testbed.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.headroom.testbed.Prometheus.Alignment;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TraceShiftTest {

  // 2016-07-01T00:00:00Z (a Friday), three minutes
  private static final long START = 1467331200;
  private static final List<TracePoint> TRACE =
      List.of(
          new TracePoint(START, 1), new TracePoint(START + 60, 1), new TracePoint(START + 120, 1));

  @ParameterizedTest(name = "{0} to end {1}: shift {2}")
  @CsvSource({
    // the last interval [START+120, START+180) ends exactly at the end: no shift
    "INTERVAL, 1467331380, 0",
    "INTERVAL, 1467331439, 0",
    "INTERVAL, 1467331440, 60",
    // whole days, keeping the time of day
    "DAY,      1700000000, 232588800",
    // whole weeks, keeping the weekday; an end before the trace moves it back
    "WEEK,     1467331320, -604800",
  })
  void movesByWholeStepsAsLateAsPossible(Alignment alignment, long end, long shift) {
    TraceShift fit = TraceShift.fit(TRACE, Instant.ofEpochSecond(end), alignment);
    assertThat(fit.shiftSeconds()).isEqualTo(shift);
    assertThat(fit.intervalSeconds()).isEqualTo(60);
    assertThat(START + 120 + shift + 60).isLessThanOrEqualTo(end);
  }

  @Test
  void theIntervalIsTheSmallestGap() {
    List<TracePoint> gappy =
        List.of(new TracePoint(0, 1), new TracePoint(300, 1), new TracePoint(360, 1));
    assertThat(TraceShift.fit(gappy, Instant.ofEpochSecond(420), Alignment.INTERVAL))
        .isEqualTo(new TraceShift(60, 0));
  }

  @Test
  void aTraceNeedsTwoIncreasingRows() {
    assertThatThrownBy(
            () -> TraceShift.fit(List.of(new TracePoint(0, 1)), Instant.EPOCH, Alignment.INTERVAL))
        .hasMessageContaining("at least two rows");
    assertThatThrownBy(
            () ->
                TraceShift.fit(
                    List.of(new TracePoint(60, 1), new TracePoint(0, 1)),
                    Instant.EPOCH,
                    Alignment.INTERVAL))
        .hasMessageContaining("must increase");
  }
}
