package dev.headroom.simulator.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BudgetMeterTest {

  @Test
  void countsBreachTimeEpisodesPeakAndExcess() {
    BudgetMeter meter = new BudgetMeter(90);
    for (long held : new long[] {80, 95, 95, 80, 90, 100}) {
      meter.add(60, held);
    }
    BudgetMetrics m = meter.metrics();
    assertThat(m.peakConnections()).isEqualTo(100);
    assertThat(m.breachMinutes()).isEqualTo(3.0); // 95, 95, 100; exactly the limit is no breach
    assertThat(m.breaches()).isEqualTo(2);
    assertThat(m.peakExcess()).isEqualTo(10);
  }

  @Test
  void withinTheLimitNothingIsCounted() {
    BudgetMeter meter = new BudgetMeter(90);
    meter.add(15, 90);
    meter.add(15, 0);
    assertThat(meter.metrics()).isEqualTo(new BudgetMetrics(90, 0.0, 0, 0));
  }
}
