package dev.headroom.operator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Each way the forecast settings can be wrong is refused with the setting's name. */
class ForecastSettingsTest {

  record Settings(Duration refreshPeriod, Duration retryPeriod, Duration queryTimeout, int threads)
      implements HeadroomConfig.ForecastSettings {}

  static final Duration M = Duration.ofMinutes(1);

  @Test
  void acceptsTheDefaults() {
    Settings ok = new Settings(Duration.ofMinutes(10), M, Duration.ofSeconds(30), 2);
    assertThat(OperatorBeans.checked(ok)).isSameAs(ok);
  }

  @Test
  void refusesNonPositivePeriodsAndTimeouts() {
    assertThatThrownBy(() -> OperatorBeans.checked(new Settings(Duration.ZERO, M, M, 2)))
        .hasMessageContaining("headroom.forecast.refresh-period");
    assertThatThrownBy(() -> OperatorBeans.checked(new Settings(M, Duration.ofSeconds(-5), M, 2)))
        .hasMessageContaining("headroom.forecast.retry-period");
    assertThatThrownBy(() -> OperatorBeans.checked(new Settings(M, M, Duration.ZERO, 2)))
        .hasMessageContaining("headroom.forecast.query-timeout");
  }

  @Test
  void refusesThreadCountsOutOfRange() {
    assertThatThrownBy(() -> OperatorBeans.checked(new Settings(M, M, M, 0)))
        .hasMessageContaining("headroom.forecast.threads")
        .hasMessageContaining("got 0");
    assertThatThrownBy(() -> OperatorBeans.checked(new Settings(M, M, M, 65)))
        .hasMessageContaining("headroom.forecast.threads");
  }
}
