package dev.headroom.operator.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.testbed.Prometheus;
import dev.headroom.testbed.TestBed;
import dev.headroom.testbed.WithTestBed;
import org.junit.jupiter.api.Test;

/**
 * The short fault run of CI: 20 randomized scenarios from a fixed seed, through the same code as
 * {@code scripts/fault-run} (which passes {@code headroom.fault-run.*} to run more).
 */
@WithTestBed(prometheus = true)
class FaultRunIT {

  @Test
  void noBreachAndEveryScenarioConvergesConsistently(TestBed bed, Prometheus prometheus)
      throws Exception {
    FaultRun.Options options = FaultRun.Options.fromSystemProperties(20, 20261123L, 10);
    FaultReport report = new FaultRun(bed, prometheus, options).execute();
    System.out.print(report.summary());
    if (options.maxMinutes() == 0) {
      assertThat(report.scenarios()).hasSize(options.scenarios());
    }
    assertThat(report.breaches()).as(report.summary()).isZero();
    assertThat(report.growsWhileOver()).as(report.summary()).isZero();
    assertThat(report.failures()).as(report.summary()).isEmpty();
    assertThat(report.scenarios().stream().mapToLong(FaultRun.ScenarioResult::samples).sum())
        .as("the sampler ran").isGreaterThan(100L * options.scenarios());
  }
}
