package dev.headroom.operator.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.testbed.Postgres;
import dev.headroom.testbed.Prometheus;
import dev.headroom.testbed.TestBed;
import dev.headroom.testbed.WithTestBed;
import org.junit.jupiter.api.Test;

/**
 * The short fault run of CI: 20 randomized scenarios from a fixed seed, through the same code as
 * {@code scripts/fault-run} (which passes {@code headroom.fault-run.*} to run more).
 */
@WithTestBed(
    prometheus = true,
    postgres = true,
    postgresMaxConnections = FaultRunIT.MAX_CONNECTIONS)
class FaultRunIT {

  /**
   * Room for every connection of a wave at once: 10 scenarios of up to 4 budgets, each kept under
   * its limit (at most 240), plus the superuser's few.
   */
  static final int MAX_CONNECTIONS = 4000;

  @Test
  void noBreachAndEveryScenarioConvergesConsistently(
      TestBed bed, Prometheus prometheus, Postgres postgres) throws Exception {
    FaultRun.Options options = FaultRun.Options.fromSystemProperties(20, 20261123L, 10);
    FaultReport report = new FaultRun(bed, prometheus, postgres, options).execute();
    System.out.print(report.summary());
    if (options.maxMinutes() == 0) {
      assertThat(report.scenarios()).hasSize(options.scenarios());
    }
    assertThat(report.breaches()).as(report.summary()).isZero();
    assertThat(report.databaseBreaches()).as(report.summary()).isZero();
    assertThat(report.growsWhileOver()).as(report.summary()).isZero();
    assertThat(report.failures()).as(report.summary()).isEmpty();
    assertThat(report.scenarios().stream().mapToLong(FaultRun.ScenarioResult::samples).sum())
        .as("the sampler ran")
        .isGreaterThan(100L * options.scenarios());
    assertThat(report.databaseSamples())
        .as("the database sampler ran")
        .isGreaterThan(100L * options.scenarios());
    // Pods not yet Running or terminating hold no connections; an emulator that fell behind would
    // leave the database far under what the pods' pools add up to.
    assertThat(report.databaseShare())
        .as("database / pod-pool connections; " + report.summary())
        .isGreaterThan(0.5);
  }
}
