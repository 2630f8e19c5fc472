package dev.headroom.testbed.components;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.headroom.testbed.TestBedException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TestBedSettingsTest {

  @Test
  void defaults() {
    assertThat(TestBedSettings.from(Map.of()))
        .isEqualTo(new TestBedSettings(3, Duration.ofSeconds(120), 100));
  }

  @Test
  void theEnvironmentSetsEach() {
    assertThat(
            TestBedSettings.from(
                Map.of(
                    "HEADROOM_TESTBED_NODES", "5",
                    "HEADROOM_TESTBED_TIMEOUT", "300",
                    "HEADROOM_TESTBED_KCM_QPS", "300")))
        .isEqualTo(new TestBedSettings(5, Duration.ofSeconds(300), 300));
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({
    "HEADROOM_TESTBED_NODES, 0",
    "HEADROOM_TESTBED_TIMEOUT, 2m",
    "HEADROOM_TESTBED_KCM_QPS, -20"
  })
  void aValueThatIsNoPositiveWholeNumberIsAnError(String name, String value) {
    assertThatThrownBy(() -> TestBedSettings.from(Map.of(name, value)))
        .isInstanceOf(TestBedException.class)
        .hasMessage(name + " must be a positive whole number, got '" + value + "'");
  }
}
