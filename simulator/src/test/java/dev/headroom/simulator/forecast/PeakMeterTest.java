package dev.headroom.simulator.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.headroom.simulator.sim.StrategyKind;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PeakMeterTest {

  private static final long DAY = 86_400;

  @Test
  void countsDailyPeaksMetBeforeAndOnArrival() {
    // Two days in 60 s steps; the peak is at 09:00 each day with demand 10, else 2.
    PeakMeter meter = new PeakMeter(StrategyKind.HEADROOM, 0, 2 * DAY, Duration.ofMinutes(10), 10);
    for (long t = 0; t < 2 * DAY; t += 60) {
      long ofDay = t % DAY;
      int demand = ofDay == 9 * 3600 ? 10 : 2;
      int ready;
      if (t < DAY) {
        // Day one: ready for the peak from 08:50 (met before).
        ready = ofDay >= 8 * 3600 + 50 * 60 && ofDay <= 9 * 3600 ? 10 : 2;
      } else {
        // Day two: ready only at 09:00 (met on arrival, not before).
        ready = ofDay == 9 * 3600 ? 10 : 2;
      }
      // 10 req/s per replica; the day-two peak runs 5% above what 9 replicas carry: in band.
      double rate = demand == 10 ? (t < DAY ? 100 : 94.5) : 20;
      if (t >= DAY && ofDay == 8 * 3600 + 50 * 60) {
        ready = 9;
      }
      meter.step(t, 60, 0, StrategyKind.HEADROOM, rate, demand, ready, ready);
      meter.step(t, 60, 0, StrategyKind.HPA, 0, demand, 0, 0);
    }

    PeakResult r = meter.result();

    assertThat(r.peaks()).isEqualTo(2);
    assertThat(r.metBefore()).isEqualTo(1);
    assertThat(r.metBeforeInBand()).isEqualTo(2);
    assertThat(r.metOnArrival()).isEqualTo(2);
    assertThat(r.metBeforeShare()).isCloseTo(0.5, within(1e-9));
    // 2 pods all the time, plus 8 more for 11 minutes on day one and 1 minute on day two, plus
    // 7 more for the minute at 08:50 on day two.
    assertThat(r.replicaHours())
        .isCloseTo((2.0 * 2 * DAY + 8 * 60 * 12 + 7 * 60) / 3600, within(1e-9));
    assertThat(r.underMinutes()).isZero();
  }

  @Test
  void noStepsNoPeaks() {
    PeakResult r = new PeakMeter(StrategyKind.HPA, 0, DAY, Duration.ofMinutes(10), 10).result();

    assertThat(r.peaks()).isZero();
    assertThat(r.metBeforeShare()).isNaN();
  }
}
