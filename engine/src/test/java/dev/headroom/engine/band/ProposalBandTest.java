package dev.headroom.engine.band;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.engine.hpa.MetricProposal;
import dev.headroom.engine.hpa.ReplicaCalculator;
import dev.headroom.engine.model.LoadSignal;
import dev.headroom.engine.model.SignalKind;
import dev.headroom.engine.model.SignalSample;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ProposalBandTest {

  private final ReplicaCalculator calculator = new ReplicaCalculator(0.1);
  private final ProposalBand bands = new ProposalBand(calculator);

  @Test
  void averageValueWithinToleranceIsTheToleranceBandOfTheCurrentCount() {
    LoadSignal rps = new LoadSignal("rps", SignalKind.AVERAGE_VALUE, 10);
    ValueBand band = bands.around(rps, 20, 2, 2);
    // 2 replicas at 10 per replica: 18..22 keeps 2 (ratio 0.9..1.1).
    assertThat(band.low()).isCloseTo(18, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(band.high()).isCloseTo(22, org.assertj.core.data.Offset.offset(1e-6));
  }

  @Test
  void averageValueOutsideToleranceIsTheCeilingStepWithoutTheToleranceBand() {
    LoadSignal rps = new LoadSignal("rps", SignalKind.AVERAGE_VALUE, 10);
    // At 2 replicas a load of 35 proposes ceil(3.5) = 4; 4 holds for (30, 40].
    ValueBand band = bands.around(rps, 35, 2, 2);
    assertThat(band.low())
        .isGreaterThan(30)
        .isCloseTo(30, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(band.high()).isCloseTo(40, org.assertj.core.data.Offset.offset(1e-6));
  }

  @Test
  void aScaledProposalBelowTheToleranceBandStopsWhereTheBandBegins() {
    LoadSignal rps = new LoadSignal("rps", SignalKind.AVERAGE_VALUE, 10);
    // At 1 replica a load of 5 is ratio 0.5: scaled to ceil(0.5) = 1. From 9 on the same 1
    // replica is "within tolerance", a different outcome; at 0 the proposal is 0 replicas.
    ValueBand band = bands.around(rps, 5, 1, 1);
    assertThat(band.low()).isGreaterThan(0).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(band.high()).isLessThan(9).isCloseTo(9, org.assertj.core.data.Offset.offset(1e-6));
  }

  @Test
  void aBandWithNothingBelowItIsOpenDownwards() {
    LoadSignal rps = new LoadSignal("rps", SignalKind.VALUE, 10);
    // Scale from zero: at 0 replicas and no load nothing below 0 changes the proposal.
    ValueBand band = bands.around(rps, 0, 0, 0);
    assertThat(band.low()).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(band.high()).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-6));
  }

  @Test
  void podsSignalsAndOddValuesGetTheExactValue() {
    LoadSignal pods = new LoadSignal("q", SignalKind.PODS, 10);
    assertThat(bands.around(pods, 20, 2, 2)).isEqualTo(ValueBand.exactly(20));
    LoadSignal rps = new LoadSignal("rps", SignalKind.AVERAGE_VALUE, 10);
    assertThat(bands.around(rps, -1, 2, 2)).isEqualTo(ValueBand.exactly(-1));
  }

  @Property(tries = 2000)
  void everyValueInTheBandProposesTheSameAndJustOutsideItDoesNot(
      @ForAll @DoubleRange(min = 0, max = 5000) double value,
      @ForAll @DoubleRange(min = 0.5, max = 200) double target,
      @ForAll @IntRange(min = 0, max = 60) int current,
      @ForAll @IntRange(min = 0, max = 60) int readyRaw,
      @ForAll boolean averageValue) {
    int ready = Math.min(readyRaw, current);
    LoadSignal signal =
        new LoadSignal("s", averageValue ? SignalKind.AVERAGE_VALUE : SignalKind.VALUE, target);
    ValueBand band = bands.around(signal, value, current, ready);
    assertThat(band.contains(value)).isTrue();
    MetricProposal at = propose(signal, value, current, ready);
    for (double inside :
        new double[] {
          band.low(), band.high(), (band.low() + value) / 2, (band.high() + value) / 2
        }) {
      if (Double.isFinite(inside)) {
        MetricProposal p = propose(signal, inside, current, ready);
        assertThat(p.replicas()).as("replicas at %s in %s", inside, band).isEqualTo(at.replicas());
        assertThat(p.outcome()).as("outcome at %s in %s", inside, band).isEqualTo(at.outcome());
      }
    }
    double step = 1e-6 * Math.max(1, Math.abs(value));
    if (Double.isFinite(band.high())) {
      MetricProposal above = propose(signal, band.high() + step, current, ready);
      assertThat(above.replicas() != at.replicas() || above.outcome() != at.outcome())
          .as("just above %s", band)
          .isTrue();
    }
    if (Double.isFinite(band.low()) && band.low() - step >= 0) {
      MetricProposal below = propose(signal, band.low() - step, current, ready);
      assertThat(below.replicas() != at.replicas() || below.outcome() != at.outcome())
          .as("just below %s", band)
          .isTrue();
    }
  }

  private MetricProposal propose(LoadSignal signal, double value, int current, int ready) {
    return calculator.propose(signal, SignalSample.value(Instant.EPOCH, value), current, ready);
  }
}
