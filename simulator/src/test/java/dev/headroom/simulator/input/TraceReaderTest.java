package dev.headroom.simulator.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TraceReaderTest {

  private static Trace read(String csv) throws IOException {
    return new TraceReader().read("t.csv", new StringReader(csv));
  }

  @Test
  void readsTheSharedFormat() throws IOException {
    Trace t =
        read(
            "timestamp,requests\n"
                + "1998-06-10T00:00:00Z,120\n"
                + "1998-06-10T00:01:00Z,60.5\n"
                + "1998-06-10T00:02:00Z,0\n");
    assertThat(t.start()).isEqualTo(Instant.parse("1998-06-10T00:00:00Z"));
    assertThat(t.intervalSeconds()).isEqualTo(60);
    assertThat(t.size()).isEqualTo(3);
    assertThat(t.rate(0)).isEqualTo(2.0);
    assertThat(t.rate(1)).isEqualTo(60.5 / 60);
    assertThat(t.peakRate()).isEqualTo(2.0);
    assertThat(t.endSecond() - t.startSecond()).isEqualTo(180);
  }

  @Test
  void toleratesByteOrderMarkCrlfAndTrailingBlankLine() throws IOException {
    Trace t =
        read(
            "\uFEFFtimestamp,requests\r\n2022-09-01T00:00:00Z,10\r\n"
                + "2022-09-01T01:00:00Z,20\r\n\r\n");
    assertThat(t.intervalSeconds()).isEqualTo(3600);
    assertThat(t.size()).isEqualTo(2);
  }

  static Stream<Arguments> broken() {
    String ok = "timestamp,requests\n2019-07-01T08:00:00Z,10\n";
    return Stream.of(
        Arguments.of(
            "bad header",
            "time,count\n2019-07-01T08:00:00Z,1\n",
            "t.csv line 1: expected the header 'timestamp,requests', got 'time,count'"),
        Arguments.of("empty file", "", "t.csv: empty file; expected the header timestamp,requests"),
        Arguments.of(
            "negative requests",
            ok + "2019-07-01T08:01:00Z,-3\n",
            "t.csv line 3: requests '-3' is negative"),
        Arguments.of(
            "not a number",
            ok + "2019-07-01T08:01:00Z,lots\n",
            "t.csv line 3: requests 'lots' is not a number"),
        Arguments.of(
            "not finite",
            ok + "2019-07-01T08:01:00Z,NaN\n",
            "t.csv line 3: requests 'NaN' is not a finite number"),
        Arguments.of(
            "bad timestamp",
            ok + "01/07/2019 08:01,3\n",
            "t.csv line 3: timestamp '01/07/2019 08:01' is not an ISO-8601 UTC time such as"
                + " 1998-06-10T00:00:00Z"),
        Arguments.of(
            "gap",
            ok + "2019-07-01T08:01:00Z,3\n2019-07-01T08:04:00Z,3\n",
            "t.csv line 4: gap: 2 intervals missing between 2019-07-01T08:01:00Z and"
                + " 2019-07-01T08:04:00Z (interval 1m); write intervals without requests as 0"),
        Arguments.of(
            "uneven step",
            ok + "2019-07-01T08:01:00Z,3\n2019-07-01T08:02:30Z,3\n",
            "t.csv line 4: timestamp 2019-07-01T08:02:30Z is 1m30s after the previous row; every"
                + " row must be 1m after the one before (the interval set by the first two rows)"),
        Arguments.of(
            "duplicate",
            ok + "2019-07-01T08:01:00Z,3\n2019-07-01T08:01:00Z,3\n",
            "t.csv line 4: timestamp 2019-07-01T08:01:00Z repeats the previous row's; rows must be"
                + " sorted, without duplicates"),
        Arguments.of(
            "unsorted",
            ok + "2019-07-01T07:59:00Z,3\n",
            "t.csv line 3: timestamp 2019-07-01T07:59:00Z is before the previous row's"
                + " 2019-07-01T08:00:00Z (line 2): rows are out of order; sort them by timestamp"),
        Arguments.of(
            "out of order, not a gap",
            ok + "2019-07-01T08:01:00Z,3\n2019-07-01T08:03:00Z,3\n2019-07-01T08:02:00Z,3\n",
            "t.csv line 5: timestamp 2019-07-01T08:02:00Z is before the previous row's"
                + " 2019-07-01T08:03:00Z (line 4): rows are out of order; sort them by timestamp"),
        Arguments.of(
            "sub-second interval",
            "timestamp,requests\n2019-07-01T08:00:00Z,1\n2019-07-01T08:00:00.500Z,1\n",
            "t.csv line 3: the interval must be a whole number of seconds starting on a whole"
                + " second; rows 2019-07-01T08:00:00Z and 2019-07-01T08:00:00.500Z are 500 ms"
                + " apart"),
        Arguments.of(
            "three columns",
            ok + "2019-07-01T08:01:00Z,3,4\n",
            "t.csv line 3: expected 2 columns (timestamp,requests), got 3:"
                + " '2019-07-01T08:01:00Z,3,4'"),
        Arguments.of(
            "blank line inside",
            ok + "\n2019-07-01T08:01:00Z,3\n",
            "t.csv line 3: empty line inside the data"),
        Arguments.of(
            "one row", ok, "t.csv: needs at least two data rows to know the interval, got 1"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("broken")
  void rejectsWithTheLine(String name, String csv, String message) {
    assertThatThrownBy(() -> read(csv)).isInstanceOf(TraceException.class).hasMessage(message);
  }

  @Test
  void namesAMissingFile(@TempDir Path dir) {
    Path missing = dir.resolve("nope.csv");
    assertThatThrownBy(() -> new TraceReader().read(missing))
        .isInstanceOf(TraceException.class)
        .hasMessage(missing + ": no such file");
  }

  @Test
  void readsAFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("ok.csv");
    Files.writeString(
        file, "timestamp,requests\n2019-07-01T08:00:00Z,60\n" + "2019-07-01T08:01:00Z,120\n");
    Trace t = new TraceReader().read(file);
    assertThat(t.source()).isEqualTo(file.toString());
    assertThat(t.rate(1)).isEqualTo(2.0);
  }
}
