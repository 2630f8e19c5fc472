package dev.headroom.testbed.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackfillArgumentsTest {

  @Test
  void defaults() {
    assertThat(BackfillArguments.parse(List.of("traces/wc98-minute.csv")))
        .isEqualTo(
            new BackfillArguments(
                "traces/wc98-minute.csv",
                "headroom_trace_requests_per_second",
                "",
                "interval",
                ""));
  }

  @Test
  void optionsAndPositionalMetricAndLabels() {
    assertThat(
            BackfillArguments.parse(
                List.of("a.csv", "rps", "app=web", "--align=week", "--end=1700000000")))
        .isEqualTo(new BackfillArguments("a.csv", "rps", "app=web", "week", "1700000000"));
    assertThat(BackfillArguments.parse(List.of("--labels=a=b,c=d", "--metric=m", "x.csv")))
        .isEqualTo(new BackfillArguments("x.csv", "m", "a=b,c=d", "interval", ""));
  }

  @Test
  void theTraceIsTheFileNameWithoutCsv() {
    assertThat(BackfillArguments.parse(List.of("/a/b/wc98-minute.csv")).trace())
        .isEqualTo("wc98-minute");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "no file|                       |usage: testbed backfill CSV",
        "unknown option|a.csv --from=1  |unknown backfill option '--from=1'",
        "four positionals|a.csv m l x   |too many arguments to backfill",
        "bad alignment|a.csv --align=year|--align must be interval, day or week"
      })
  void badArguments(String name, String args, String message) {
    List<String> list = args == null ? List.of() : List.of(args.trim().split(" +"));
    assertThatThrownBy(() -> BackfillArguments.parse(list))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(message);
  }
}
