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
      assertThat(trace.intervalSeconds()).as(t.file()).isIn(60L, 3600L);
      assertThat(QualityTrace.capacity(trace)).as(t.file()).isPositive();
    }
  }

  @Test
  void theTableHoldsHourlyAndPerMinuteTraces() {
    assertThat(QualityTrace.ALL).hasSizeGreaterThanOrEqualTo(10);
    assertThat(
            QualityTrace.ALL.stream()
                .map(QualityTrace::read)
                .filter(t -> t.intervalSeconds() == 60))
        .hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void theGzippedWorldCupTraceReadsWhole() {
    Trace wc98 = new QualityTrace("wc98", "wc98-minute.csv.gz").read();

    assertThat(wc98.size()).isEqualTo(125310);
    assertThat(wc98.start()).isEqualTo(Instant.parse("1998-04-30T21:30:00Z"));
  }

  @Test
  void theBudgetCarriesTheOraclesPeakWithFullPoolsAndBreachesAreCountedOncePerExcursion() {
    // Peak 8 replicas: (8 + 2 surge) × 10 connections.
    long available = QualityBenchmark.budgetAvailable(8);
    assertThat(available).isEqualTo(100);

    int[] pods = {8, 9, 9, 8, 9, 8, 0};
    assertThat(QualityBenchmark.breaches(pods, available, 0)).isEqualTo(2);
    assertThat(QualityBenchmark.breaches(pods, available, 3)).isEqualTo(1);
    assertThat(QualityBenchmark.breaches(new int[] {8, 8, 1}, available, 0)).isZero();
  }

  @Test
  void headroomKeepsItsBudgetOnTheShortPerMinuteTrace() {
    QualityTrace azure = new QualityTrace("Azure", "azure-functions-8h-minute.csv");

    QualityBenchmark.Result r =
        new QualityBenchmark()
            .run(azure, azure.read(), dev.headroom.simulator.sim.ProgressListener.NONE);

    assertThat(r.breaches()).containsKeys(QualityBenchmark.Variant.values());
    assertThat(r.notes())
        .singleElement()
        .asString()
        .contains("forecast never ready")
        .contains("history covers 8h, needs one weekly season plus the horizon (7d2h)");
    for (QualityBenchmark.Variant v : QualityBenchmark.Variant.values()) {
      if (v != QualityBenchmark.Variant.HPA) {
        assertThat(r.breaches().get(v)).as(v.label()).isZero();
      }
      assertThat(r.scores().get(v).costPercent()).as(v.label()).isGreaterThan(50);
    }
  }

  @Test
  void scalingKeepsTheShapeAndPutsTheCapacityAtTenRequestsPerSecond() {
    // Median of the non-zero hours 36 an hour: capacity 0.001 req/s before scaling.
    Trace low =
        new Trace(
            "t", Instant.parse("2024-01-01T00:00:00Z"), 3600, new double[] {0, 36, 36, 72, 18});

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
    assertThat(QualityMarkdown.meetsGoal(new ElasticityScore(1.5, 2, 15, 20, 105, 100), hpa, 0))
        .isTrue();
    assertThat(QualityMarkdown.meetsGoal(new ElasticityScore(1.5, 2, 15, 20, 105, 100), hpa, 1))
        .isFalse();
  }
}
