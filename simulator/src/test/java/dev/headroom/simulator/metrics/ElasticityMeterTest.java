package dev.headroom.simulator.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The SPEC RG metrics on a five-step trace computed by hand (see docs/simulator.md).
 *
 * <pre>
 * step (60 s)   1  2  3  4  5
 * demand d      2  4  4  1  0
 * supply s      2  2  5  3  1
 * </pre>
 */
class ElasticityMeterTest {

  private static final int[] DEMAND = {2, 4, 4, 1, 0};
  private static final int[] SUPPLY = {2, 2, 5, 3, 1};

  private static ElasticityMeter fiveSteps() {
    ElasticityMeter meter = new ElasticityMeter();
    for (int i = 0; i < DEMAND.length; i++) {
      // 10 req/s per replica: the rate is the demand's, exactly
      meter.add(60, DEMAND[i] * 10.0, 10.0, DEMAND[i], SUPPLY[i], SUPPLY[i], i == 1);
    }
    return meter;
  }

  @Test
  void accuracyUnderProvisioning() {
    // only step 2: (4 - 2) / max(4, 1) = 0.5 for 60 s; 100 x 30 / 300
    assertThat(fiveSteps().metrics().thetaU()).isCloseTo(10.0, within(1e-9));
  }

  @Test
  void accuracyOverProvisioning() {
    // step 3: 1/4 x 60 = 15; step 4: 2/1 x 60 = 120; step 5: 1/max(0, 1) x 60 = 60 -> 195 / 300
    assertThat(fiveSteps().metrics().thetaO()).isCloseTo(65.0, within(1e-9));
  }

  @Test
  void timeShares() {
    ElasticityMetrics m = fiveSteps().metrics();
    assertThat(m.tauU()).isCloseTo(20.0, within(1e-9)); // 1 of 5 steps
    assertThat(m.tauO()).isCloseTo(60.0, within(1e-9)); // 3 of 5 steps
  }

  @Test
  void instability() {
    // steps 2..5: sgn(ds) = 0, +1, -1, -1 and sgn(dd) = +1, 0, -1, -1: 2 mismatches of 60 s,
    // over T - dt1 = 240 s
    assertThat(fiveSteps().metrics().instability()).isCloseTo(50.0, within(1e-9));
  }

  @Test
  void jitter() {
    // supply and demand each change 3 times (steps 3-5 and 2, 4, 5): no jitter
    ElasticityMetrics m = fiveSteps().metrics();
    assertThat(m.supplyChanges()).isEqualTo(3);
    assertThat(m.demandChanges()).isEqualTo(3);
    assertThat(m.jitterPerHour()).isZero();
  }

  @Test
  void jitterOfAnOscillatingSupply() {
    // demand 3 throughout, supply 3 4 3 4 3: 4 adaptations, 0 demand changes in 1/12 h
    ElasticityMeter meter = new ElasticityMeter();
    int[] supply = {3, 4, 3, 4, 3};
    for (int s : supply) {
      meter.add(60, 30, 10, 3, s, s, false);
    }
    ElasticityMetrics m = meter.metrics();
    assertThat(m.jitterPerHour()).isCloseTo(48.0, within(1e-9));
    // every step after the first moves supply but not demand
    assertThat(m.instability()).isCloseTo(100.0, within(1e-9));
    // over-provisioned 2 of 5 steps by 1/3
    assertThat(m.thetaO()).isCloseTo(100.0 * 2 * 60 / 3.0 / 300, within(1e-9));
  }

  @Test
  void provisioningTotals() {
    ElasticityMetrics m = fiveSteps().metrics();
    assertThat(m.replicaHours()).isCloseTo(13 * 60 / 3600.0, within(1e-12));
    assertThat(m.underProvisionedMinutes()).isCloseTo(1.0, within(1e-12));
    // ready replica-time beyond demand: (1 + 2 + 1) x 60 of 13 x 60
    assertThat(m.overProvisionedShare()).isCloseTo(100.0 * 4 / 13, within(1e-9));
    // unserved: step 2 asks 40 req/s and gets 20: 20 x 60 of (2+4+4+1+0) x 10 x 60
    assertThat(m.unservedShare()).isCloseTo(100.0 * 20 / 110, within(1e-9));
    assertThat(m.budgetLimitedMinutes()).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void perfectProvisioningScoresZero() {
    ElasticityMeter meter = new ElasticityMeter();
    for (int d : DEMAND) {
      meter.add(60, d * 10.0, 10.0, d, d, d, false);
    }
    ElasticityMetrics m = meter.metrics();
    assertThat(m.thetaU()).isZero();
    assertThat(m.thetaO()).isZero();
    assertThat(m.tauU()).isZero();
    assertThat(m.tauO()).isZero();
    assertThat(m.instability()).isZero();
    assertThat(m.jitterPerHour()).isZero();
  }

  @Test
  void mergePoolsTheSteps() {
    ElasticityMeter a = fiveSteps();
    a.merge(fiveSteps());
    ElasticityMetrics m = a.metrics();
    assertThat(m.thetaU()).isCloseTo(10.0, within(1e-9));
    assertThat(m.instability()).isCloseTo(50.0, within(1e-9));
    assertThat(m.replicaHours()).isCloseTo(2 * 13 * 60 / 3600.0, within(1e-12));
  }
}
