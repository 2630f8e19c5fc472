package dev.headroom.testbed.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SeriesTest {

  @Test
  void labelsAreSortedByNameAndValuesEscaped() {
    Series series = Series.of("load", Map.of("b", "2", "a", "x\"y\\z\nw"));
    assertThat(series.text()).isEqualTo("load{a=\"x\\\"y\\\\z\\nw\",b=\"2\"}");
  }

  @Test
  void theFileIsNamedAfterTheSha256OfTheText() {
    // printf '%s' 'load{app="web"}' | sha256sum | cut -c1-16
    assertThat(Series.of("load", Map.of("app", "web")).fileName())
        .isEqualTo("e68d686e6d5151b9.prom");
  }

  @Test
  void aSeriesWithoutLabelsHasEmptyBraces() {
    assertThat(Series.of("up", Map.of()).text()).isEqualTo("up{}");
  }

  @Test
  void theCommandLineFormGivesTheSameSeriesAsTheMapForm() {
    assertThat(Series.parse("m", "service=web,env=a=b"))
        .isEqualTo(Series.of("m", Map.of("env", "a=b", "service", "web")));
    assertThat(Series.parse("m", "service=web,env=a").fileName())
        .isEqualTo(Series.of("m", Map.of("env", "a", "service", "web")).fileName());
  }

  @ParameterizedTest(name = "{0} / {1}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "1bad   | a=b      | is not a Prometheus metric name",
        "m      | a        | is not key=value",
        "m      | =b       | is not key=value",
        "m      | a=b,a=c  | is given twice",
        "m      | 9a=b     | is not a Prometheus label name",
        "m      | __name=b | is not a Prometheus label name",
      })
  void badInputIsRefusedWithAReason(String metric, String labels, String reason) {
    assertThatThrownBy(() -> Series.parse(metric, labels))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(reason);
  }
}
