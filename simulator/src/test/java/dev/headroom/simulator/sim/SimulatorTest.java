package dev.headroom.simulator.sim;

import static dev.headroom.simulator.sim.Fixtures.concat;
import static dev.headroom.simulator.sim.Fixtures.flat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.headroom.simulator.metrics.BudgetMetrics;
import dev.headroom.simulator.metrics.ElasticityMetrics;
import dev.headroom.simulator.report.JsonReport;
import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class SimulatorTest {

  private static SimulationResult run(String yaml, double... ratesPerMinute) {
    return new Simulator()
        .run(
            Fixtures.scenario(yaml, Fixtures.perMinute(ratesPerMinute)),
            Fixtures.crisp(),
            ProgressListener.NONE);
  }

  private static ElasticityMetrics metrics(SimulationResult r, StrategyKind kind) {
    return r.policies().get(0).strategies().get(kind);
  }

  private static BudgetMetrics budget(SimulationResult r, StrategyKind kind) {
    return r.budgets().get(0).strategies().get(kind);
  }

  @Test
  void stepsAreTheGreatestCommonDivisorOfAllTimes() {
    SimulationResult r = run(Fixtures.policy(10, 1, 100, ""), flat(30, 100));
    assertThat(r.stepSeconds()).isEqualTo(15);
    assertThat(r.steps()).isEqualTo(120);
    SimulationSettings odd =
        new SimulationSettings(
            Duration.ofSeconds(45),
            Duration.ofSeconds(20),
            Duration.ofMinutes(1),
            Duration.ofSeconds(10),
            0.2,
            OptionalInt.empty(),
            1.0);
    SimulationResult r2 =
        new Simulator()
            .run(
                Fixtures.scenario(
                    Fixtures.policy(10, 1, 100, ""), Fixtures.perMinute(flat(3, 100))),
                odd,
                ProgressListener.NONE);
    assertThat(r2.stepSeconds()).isEqualTo(5);
  }

  @Test
  void hpaUnderProvisionsUntilTheNewPodsAreReady() {
    SimulationResult r = run(Fixtures.policy(10, 1, 100, ""), concat(flat(10, 100), flat(20, 400)));
    ElasticityMetrics hpa = metrics(r, StrategyKind.HPA);
    // demand 40 from 600 s; 10 ready until 660 s, 20 until 675 s, then 40: 75 s
    assertThat(hpa.underProvisionedMinutes()).isCloseTo(1.25, within(1e-9));
    // tau_U = 75 of 1800 s; theta_U = (30/40 x 60 + 20/40 x 15) / 1800
    assertThat(hpa.tauU()).isCloseTo(100.0 * 75 / 1800, within(1e-9));
    assertThat(hpa.thetaU()).isCloseTo(100.0 * (0.75 * 60 + 0.5 * 15) / 1800, within(1e-9));
    // pods: 10 for 630 s, 20 for 15 s, 40 for 1155 s
    assertThat(hpa.replicaHours())
        .isCloseTo((10 * 630 + 20 * 15 + 40 * 1155) / 3600.0, within(1e-9));
    ElasticityMetrics staticPeak = metrics(r, StrategyKind.STATIC_PEAK);
    assertThat(r.policies().get(0).staticReplicas()).isEqualTo(40);
    assertThat(staticPeak.underProvisionedMinutes()).isZero();
    assertThat(staticPeak.replicaHours()).isCloseTo(20.0, within(1e-9));
  }

  @Test
  void withoutBudgetOrSchedulesHeadroomReactsExactlyLikeTheHpa() {
    SimulationResult r =
        run(
            Fixtures.policy(10, 1, 100, ""),
            concat(flat(5, 100), flat(5, 330), flat(10, 60), flat(5, 900), flat(5, 120)));
    assertThat(metrics(r, StrategyKind.HEADROOM)).isEqualTo(metrics(r, StrategyKind.HPA));
  }

  @Test
  void countsBudgetBreachesOfTheBaselinesWithSurge() {
    // 10 replicas; baselines run pool 10 with 1 surge pod: (10 + 1) x 10 = 110 > 90
    SimulationResult r =
        run(
            Fixtures.budget(100, 10) + "---\n" + Fixtures.policy(10, 1, 100, Fixtures.POOL_5_TO_10),
            flat(10, 100));
    assertThat(r.budgets().get(0).available()).isEqualTo(90);
    assertThat(budget(r, StrategyKind.HPA)).isEqualTo(new BudgetMetrics(110, 10.0, 1, 20));
    assertThat(budget(r, StrategyKind.STATIC_PEAK)).isEqualTo(new BudgetMetrics(110, 10.0, 1, 20));
    // Headroom sizes the pool from the grant: floor(90 / 11) = 8 -> 88
    assertThat(budget(r, StrategyKind.HEADROOM)).isEqualTo(new BudgetMetrics(88, 0.0, 0, 0));
    assertThat(metrics(r, StrategyKind.HEADROOM).underProvisionedMinutes()).isZero();
  }

  @Test
  void countsSeparateBreaches() {
    // 10 replicas, then 4 (60 s pod start-up does not matter for the count), then 10 again
    SimulationResult r =
        run(
            Fixtures.budget(100, 10) + "---\n" + Fixtures.policy(10, 1, 100, Fixtures.POOL_5_TO_10),
            concat(flat(10, 100), flat(10, 40), flat(10, 100)));
    BudgetMetrics hpa = budget(r, StrategyKind.HPA);
    assertThat(hpa.breaches()).isEqualTo(2);
    assertThat(hpa.peakConnections()).isEqualTo(110);
    assertThat(budget(r, StrategyKind.HEADROOM).breaches()).isZero();
  }

  @Test
  void aTightBudgetCapsHeadroomInsteadOfBreaching() {
    // 40 connections fit floor(40 / 5) - 1 = 7 replicas at pool 5, not the 10 the load needs
    SimulationResult r =
        run(
            Fixtures.budget(50, 10) + "---\n" + Fixtures.policy(10, 1, 100, Fixtures.POOL_5_TO_10),
            flat(10, 100));
    assertThat(budget(r, StrategyKind.HEADROOM)).isEqualTo(new BudgetMetrics(40, 0.0, 0, 0));
    ElasticityMetrics headroom = metrics(r, StrategyKind.HEADROOM);
    assertThat(headroom.underProvisionedMinutes()).isCloseTo(10.0, within(1e-9));
    assertThat(headroom.budgetLimitedMinutes()).isCloseTo(10.0, within(1e-9));
    assertThat(headroom.replicaHours()).isCloseTo(7 * 10 / 60.0, within(1e-9));
    assertThat(budget(r, StrategyKind.HPA).breachMinutes()).isEqualTo(10.0);
  }

  @Test
  void sharedBudgetHoldsForEveryConsumer() {
    String yaml =
        Fixtures.budget(130, 10)
            + "---\n"
            + Fixtures.policy(10, 1, 100, Fixtures.POOL_5_TO_10)
            + "---\n"
            + Fixtures.policy(10, 1, 100, Fixtures.POOL_5_TO_10).replace("name: web", "name: api");
    SimulationResult r =
        new Simulator()
            .run(
                Fixtures.scenario(
                    yaml, Fixtures.perMinute(concat(flat(5, 50), flat(10, 120), flat(5, 30)))),
                Fixtures.crisp(),
                ProgressListener.NONE);
    assertThat(r.policies()).extracting(PolicyResult::id).containsExactly("t/api", "t/web");
    assertThat(r.budgets().get(0).consumers()).containsExactly("t/api", "t/web");
    assertThat(budget(r, StrategyKind.HEADROOM).breachMinutes()).isZero();
    assertThat(budget(r, StrategyKind.HEADROOM).peakConnections()).isLessThanOrEqualTo(120);
    assertThat(budget(r, StrategyKind.HPA).peakConnections()).isEqualTo(2 * (12 + 1) * 10);
  }

  @Test
  void theSameInputGivesTheSameOutput() {
    String yaml =
        Fixtures.budget(100, 10) + "---\n" + Fixtures.policy(10, 2, 30, Fixtures.POOL_5_TO_10);
    double[] rates = concat(flat(7, 90), flat(3, 250), flat(9, 40), flat(4, 180));
    String first = new JsonReport().render(run(yaml, rates));
    String second = new JsonReport().render(run(yaml, rates));
    assertThat(second).isEqualTo(first);
  }

  @Test
  void aCapacityFactorCountsTheToleranceBandAsServed() {
    // 10 replicas at 105 req/s: within the HPA's tolerance, nobody scales
    SimulationResult strict =
        run(Fixtures.policy(10, 1, 100, ""), concat(flat(5, 100), flat(5, 105)));
    assertThat(metrics(strict, StrategyKind.HPA).underProvisionedMinutes()).isEqualTo(5.0);
    SimulationSettings tolerant =
        new SimulationSettings(
            Duration.ofSeconds(30),
            Duration.ofSeconds(30),
            Duration.ZERO,
            Duration.ofSeconds(15),
            0.2,
            OptionalInt.empty(),
            1.1);
    SimulationResult r =
        new Simulator()
            .run(
                Fixtures.scenario(
                    Fixtures.policy(10, 1, 100, ""),
                    Fixtures.perMinute(concat(flat(5, 100), flat(5, 105)))),
                tolerant,
                ProgressListener.NONE);
    assertThat(metrics(r, StrategyKind.HPA).underProvisionedMinutes()).isZero();
  }
}
