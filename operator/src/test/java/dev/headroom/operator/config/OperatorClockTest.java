package dev.headroom.operator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.headroom.operator.MovableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OperatorClockTest {

  @Test
  void withoutAStartItIsTheSystemClock() {
    MovableClock system = new MovableClock(Instant.parse("2026-11-23T11:00:00Z"));
    assertThat(OperatorClock.of(Optional.empty(), system)).isSameAs(system);
    assertThat(OperatorClock.of(Optional.of("  "), system)).isSameAs(system);
  }

  @Test
  void startsAtTheConfiguredInstantAndTicksAtRealSpeed() {
    MovableClock system = new MovableClock(Instant.parse("2026-11-23T11:00:00Z"));
    Clock clock = OperatorClock.of(Optional.of("2027-03-29T06:49:00Z"), system);

    assertThat(clock.instant()).isEqualTo(Instant.parse("2027-03-29T06:49:00Z"));
    system.advance(Duration.ofSeconds(75));
    assertThat(clock.instant()).isEqualTo(Instant.parse("2027-03-29T06:50:15Z"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"tomorrow", "2027-03-29", "2027-03-29T06:49:00", "2027-03-29 06:49:00Z"})
  void refusesAnythingButAnIsoInstantNamingTheSetting(String bad) {
    MovableClock system = new MovableClock(Instant.parse("2026-11-23T11:00:00Z"));
    assertThatThrownBy(() -> OperatorClock.of(Optional.of(bad), system))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("headroom.clock.start")
        .hasMessageContaining("HEADROOM_CLOCK_START")
        .hasMessageContaining(bad);
  }
}
