package dev.headroom.testbed.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackfillWriterTest {

  @TempDir Path dir;
  Path csv;
  Path om;

  @BeforeEach
  void writeTrace() throws IOException {
    csv = dir.resolve("t.csv");
    om = dir.resolve("t.om");
    Files.writeString(
        csv,
        """
        timestamp,requests
        2016-07-01T00:00:00Z,60
        2016-07-01T00:01:00Z,90
        2016-07-01T00:02:00Z,1
        """);
  }

  @Test
  void writesRequestsPerSecondAtTheShiftedTimesWithTheTraceLabel() throws IOException {
    BackfillPlan plan =
        BackfillWriter.run(
            new String[] {csv.toString(), om.toString(), "m", "b=x\"y,a=1", "day", "1700000000"},
            Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    assertThat(Files.readString(om))
        .isEqualTo(
            """
            # HELP m Requests per second replayed from a recorded trace.
            # TYPE m gauge
            m{a="1",b="x\\"y",trace="t"} 1.0 1699920000
            m{a="1",b="x\\"y",trace="t"} 1.5 1699920060
            m{a="1",b="x\\"y",trace="t"} 0.016666666666666666 1699920120
            # EOF
            """);
    assertThat(plan.summary())
        .isEqualTo(
            "trace=t metric=m interval=60 shift=232588800 first=1699920000 last=1699920120 samples=3");
  }

  @Test
  void withoutAnEndTheTraceEndsBeforeTheClocksNow() {
    Clock clock = Clock.fixed(Instant.ofEpochSecond(1467331380), ZoneOffset.UTC);
    BackfillPlan plan =
        BackfillWriter.run(
            new String[] {csv.toString(), om.toString(), "m", "", "interval"}, clock);
    assertThat(plan.shift().shiftSeconds()).isZero();
    assertThat(plan.lastSecond()).isEqualTo(1467331320);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "unknown alignment | m  | ''      | month    | must be interval, day or week",
        "bad end           | m  | ''      | interval | --end must be epoch seconds",
        "bad metric        | 1m | ''      | interval | is not a Prometheus metric name",
        "trace label given | m  | trace=x | interval | label trace is set from the file name",
      })
  void badArgumentsAreRefusedAndWriteNothing(
      String name, String metric, String labels, String align, String reason) {
    String end = name.equals("bad end") ? "soon" : "1700000000";
    assertThatThrownBy(
            () ->
                BackfillWriter.run(
                    new String[] {csv.toString(), om.toString(), metric, labels, align, end},
                    Clock.systemUTC()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(reason);
    assertThat(om).doesNotExist();
  }
}
