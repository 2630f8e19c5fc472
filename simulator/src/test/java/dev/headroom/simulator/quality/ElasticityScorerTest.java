package dev.headroom.simulator.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The SPEC RG metrics on series small enough to work out by hand. */
class ElasticityScorerTest {

  private final ElasticityScorer scorer = new ElasticityScorer(10, 1);

  @Test
  void demandIsTheCeilingInMilliUnitsWithTheMinimum() {
    assertThat(scorer.demand(0)).isEqualTo(1);
    assertThat(scorer.demand(20)).isEqualTo(2);
    assertThat(scorer.demand(20.001)).isEqualTo(3);
    assertThat(new ElasticityScorer(0.1, 1).demand(3.2)).isEqualTo(32);
  }

  @Test
  void scoresUnderAndOverProvisioningAndCost() {
    // Demand 2, 4, 4, 1; supply 2, 2, 5, 1; pods 2, 3, 5, 1; 60 s steps.
    double[] rates = {20, 40, 40, 5};
    int[] ready = {2, 2, 5, 1};
    int[] pods = {2, 3, 5, 1};

    ElasticityScore s = scorer.score(rates, ready, pods, 60, 0);

    assertThat(s.tauU()).isEqualTo(25.0);
    assertThat(s.thetaU()).isCloseTo(100 * (2.0 / 4) / 4, within(1e-9));
    assertThat(s.tauO()).isEqualTo(25.0);
    assertThat(s.thetaO()).isCloseTo(100 * (1.0 / 4) / 4, within(1e-9));
    assertThat(s.replicaHours()).isCloseTo(11 * 60 / 3600.0, within(1e-9));
    assertThat(s.costPercent()).isCloseTo(100 * 11.0 / 11, within(1e-9));
  }

  @Test
  void scoresOnlyTheWindowAfterTheTuningPart() {
    double[] rates = {100, 10};
    ElasticityScore s = scorer.score(rates, new int[] {1, 1}, new int[] {1, 1}, 60, 1);
    assertThat(s.tauU()).isZero();
    assertThat(s.oracleHours()).isCloseTo(1 / 60.0, within(1e-9));
  }

  @Test
  void rejectsSeriesOfDifferentLengths() {
    assertThatThrownBy(() -> scorer.score(new double[2], new int[1], new int[2], 60, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("same length");
  }
}
