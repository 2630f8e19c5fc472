package dev.headroom.engine.hpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Float noise in the ceiling, and a scale-up tolerance apart from the scale-down one. */
class TolerancesAndRoundingTest {

  static Stream<Arguments> ceilings() {
    return Stream.of(
        Arguments.of("float noise above an integer", 32.00000000000001, 32),
        Arguments.of("3.2 / 0.1", 3.2 / 0.1, 32),
        Arguments.of("a real fraction above", 32.001, 33),
        Arguments.of("an exact integer", 7.0, 7),
        Arguments.of("zero", 0.0, 0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ceilings")
  void ceilingIgnoresFloatNoise(String name, double value, int expected) {
    assertThat(ReplicaCalculator.ceilToInt(value)).isEqualTo(expected);
  }

  @Test
  void anAverageValueOfExactlyThirtyTwoTargetsIsThirtyTwoReplicas() {
    ReplicaCalculator calculator = new ReplicaCalculator(0.1);
    assertThat(calculator.averageValue(10, 3.2, 0.1).replicas()).isEqualTo(32);
  }

  @Test
  void aScaleUpToleranceOfZeroAddsAReplicaAtFivePercentOver() {
    ReplicaCalculator hpa = new ReplicaCalculator(0.1);
    ReplicaCalculator eager = new ReplicaCalculator(0.1, 0);

    // 10 replicas at 105% of target: inside the HPA's band, above a scale-up tolerance of 0.
    assertThat(hpa.averageValue(10, 1050, 100).replicas()).isEqualTo(10);
    assertThat(eager.averageValue(10, 1050, 100).replicas()).isEqualTo(11);
    // Below the target the scale-down tolerance still holds.
    assertThat(eager.averageValue(10, 950, 100).replicas()).isEqualTo(10);
    assertThat(eager.averageValue(10, 850, 100).replicas()).isEqualTo(9);
  }

  @Test
  void aNegativeToleranceIsRejected() {
    assertThatThrownBy(() -> new ReplicaCalculator(0.1, -0.1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
