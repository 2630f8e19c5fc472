package dev.headroom.simulator.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class LoadModelTest {

  private static final long T0 = Fixtures.T0.getEpochSecond();

  private static LoadModel model(Duration delay, Duration window) {
    Scenario s =
        Fixtures.scenario(Fixtures.policy(10, 1, 100, ""), Fixtures.perMinute(100, 200, 400));
    SimulationSettings settings =
        new SimulationSettings(
            Duration.ofSeconds(30),
            delay,
            window,
            Duration.ofSeconds(15),
            0.2,
            OptionalInt.empty(),
            1.0);
    return new LoadModel(s.policies().get(0).manifest(), s.policies().get(0).trace(), settings);
  }

  @Test
  void trueRateIsConstantWithinAnIntervalAndHeldOutside() {
    LoadModel m = model(Duration.ZERO, Duration.ZERO);
    assertThat(m.rateAt(T0 - 600)).isEqualTo(100);
    assertThat(m.rateAt(T0 + 59)).isEqualTo(100);
    assertThat(m.rateAt(T0 + 60)).isEqualTo(200);
    assertThat(m.rateAt(T0 + 10_000)).isEqualTo(400);
    assertThat(m.replicasFor(200)).isEqualTo(20);
    assertThat(m.replicasFor(200.5)).isEqualTo(21);
  }

  @Test
  void observedRateIsTheDelayedWindowMean() {
    LoadModel m = model(Duration.ofSeconds(30), Duration.ofMinutes(2));
    // at 150 s: mean over [0 s, 120 s) = (100 + 200) / 2
    assertThat(m.observedRate(T0 + 150)).isCloseTo(150, within(1e-9));
    // at 120 s: [-30 s, 90 s) = (30 x 100 + 60 x 100 + 30 x 200) / 120
    assertThat(m.observedRate(T0 + 120)).isCloseTo(125, within(1e-9));
    // past the end the last rate holds
    assertThat(m.observedRate(T0 + 1000)).isCloseTo(400, within(1e-9));
  }

  @Test
  void withoutWindowTheDelayedRateIsRead() {
    LoadModel m = model(Duration.ofSeconds(30), Duration.ZERO);
    assertThat(m.observedRate(T0 + 89)).isEqualTo(100);
    assertThat(m.observedRate(T0 + 90)).isEqualTo(200);
  }
}
