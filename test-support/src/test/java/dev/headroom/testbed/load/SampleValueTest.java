package dev.headroom.testbed.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SampleValueTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "42, 42.0",
    "2.5, 2.5",
    "-1e3, -1000.0",
    "NaN, NaN",
    "+Inf, Infinity",
    "-Inf, -Infinity"
  })
  void parsesNumbersAndTheSpecialValues(String text, double value) {
    assertThat(Double.valueOf(SampleValue.parse(text))).isEqualTo(Double.valueOf(value));
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {"", "abc", " 1", "1,5"})
  void refusesWhatIsNoNumber(String text) {
    assertThatThrownBy(() -> SampleValue.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not a sample value");
  }
}
