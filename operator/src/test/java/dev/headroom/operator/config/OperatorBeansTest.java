package dev.headroom.operator.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OperatorBeansTest {

  private static final class SteppedClock extends Clock {
    private Instant now;

    SteppedClock(Instant now) {
      this.now = now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void withoutAStartTheClockIsTheSystemClock() {
    Clock system = new SteppedClock(Instant.parse("2026-11-23T10:00:00Z"));
    assertThat(OperatorBeans.startingAt(Optional.empty(), system)).isSameAs(system);
  }

  @Test
  void aStartInstantIsReadNowAndTheClockTicksWithTheSystemFromThere() {
    SteppedClock system = new SteppedClock(Instant.parse("2026-11-23T10:00:00Z"));
    Instant start = Instant.parse("2027-03-28T00:59:30Z"); // 30 s before Berlin springs forward
    Clock clock = OperatorBeans.startingAt(Optional.of(start), system);
    assertThat(clock.instant()).isEqualTo(start);
    system.now = system.now.plus(Duration.ofSeconds(45));
    assertThat(clock.instant()).isEqualTo(Instant.parse("2027-03-28T01:00:15Z"));
  }
}
