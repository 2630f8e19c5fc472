package dev.headroom.simulator.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.headroom.simulator.input.Trace;
import dev.headroom.simulator.report.QualityMarkdown;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class QualityBenchmarkTest {

  @Test
  void everyBundledTraceReadsAndHasACapacity() {
    for (QualityTrace t : QualityTrace.ALL) {
      Trace trace = t.read();
      assertThat(trace.intervalSeconds()).as(t.file()).isEqualTo(3600);
      assertThat(QualityTrace.capacity(trace)).as(t.file()).isPositive();
    }
  }

  @Test
  void scalingKeepsTheShapeAndPutsTheCapacityAtTenRequestsPerSecond() {
    // Median of the non-zero hours 36 an hour: capacity 0.001 req/s before scaling.
    Trace low = new Trace("t", Instant.parse("2024-01-01T00:00:00Z"), 3600,
        new double[] {0, 36, 36, 72, 18});

    Trace scaled = QualityBenchmark.scaled(low);

    assertThat(QualityTrace.capacity(low)).isCloseTo(0.001, within(1e-12));
    assertThat(QualityTrace.capacity(scaled)).isCloseTo(10, within(1e-9));
    assertThat(scaled.rate(3) / scaled.rate(1)).isCloseTo(2, within(1e-12));
    assertThat(scaled.rate(0)).isZero();
  }

  @Test
  void theGoalNeedsHalfTheHpasUnderProvisioningAtMostFivePercentOverTheOracle() {
    ElasticityScore hpa = new ElasticityScore(3.0, 1.0, 30, 10, 98, 100);
    assertThat(QualityMarkdown.meetsGoal(new ElasticityScore(1.5, 2, 15, 20, 105, 100), hpa))
        .isTrue();
    assertThat(QualityMarkdown.meetsGoal(new ElasticityScore(1.5, 2, 15, 20, 105.1, 100), hpa))
        .isFalse();
    assertThat(QualityMarkdown.meetsGoal(new ElasticityScore(1.6, 2, 15, 20, 101, 100), hpa))
        .isFalse();
    assertThat(QualityMarkdown.meetsGoal(new ElasticityScore(1.0, 2, 16, 20, 101, 100), hpa))
        .isFalse();
  }
}
