package dev.headroom.simulator.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.simulator.input.ManifestReader;
import dev.headroom.simulator.input.Trace;
import dev.headroom.simulator.sim.ProgressListener;
import dev.headroom.simulator.sim.Scenario;
import dev.headroom.simulator.sim.Simulator;
import dev.headroom.simulator.sim.StrategyKind;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The independent HPA against the upstream controller's documented behaviour, and cross-checked
 * step by step against the simulator's HPA baseline, which is built from the engine's ported
 * upstream pieces.
 */
class ReferenceHpaTest {

  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

  @Test
  void withinTheToleranceBandNothingChanges() {
    ReferenceHpa hpa = new ReferenceHpa(10, 1, 100, 10);
    assertThat(hpa.sync(0, 109)).isEqualTo(10);
    assertThat(hpa.sync(15, 91)).isEqualTo(10);
  }

  @Test
  void scaleUpIsLimitedToTheLargerOfDoublingAndFourPods() {
    ReferenceHpa hpa = new ReferenceHpa(10, 1, 100, 2);
    // 2 -> wants 50: max(2 x 2, 2 + 4) = 6 in the first period.
    assertThat(hpa.sync(0, 500)).isEqualTo(6);
    // Within the same 15 s period nothing more may be added.
    assertThat(hpa.sync(10, 500)).isEqualTo(6);
    // Next period starts at 6: max(12, 10) = 12.
    assertThat(hpa.sync(15, 500)).isEqualTo(12);
  }

  @Test
  void scaleDownWaitsForTheFiveMinuteStabilizationWindow() {
    ReferenceHpa hpa = new ReferenceHpa(10, 1, 100, 10);
    assertThat(hpa.sync(0, 100)).isEqualTo(10);
    assertThat(hpa.sync(15, 20)).isEqualTo(10);
    assertThat(hpa.sync(285, 20)).isEqualTo(10);
    // 300 s after the recommendation of 10 it has left the window: down to 2 at once.
    assertThat(hpa.sync(300, 20)).isEqualTo(2);
  }

  @Test
  void quantitiesInMilliUnitsKeepFloatNoiseOut() {
    ReferenceHpa hpa = new ReferenceHpa(0.1, 1, 100, 20);
    assertThat(hpa.proposal(20, 3.2)).isEqualTo(32);
    assertThat(hpa.sync(0, 3.2)).isEqualTo(32);
  }

  @Test
  void matchesTheSimulatorsHpaBaselineStepByStep() {
    // Six hours per minute: a noisy daily-like ramp with bursts.
    Random random = new Random(7);
    double[] counts = new double[6 * 60];
    for (int m = 0; m < counts.length; m++) {
      double base = 600 + 500 * Math.sin(m / 40.0);
      counts[m] = Math.max(0, base * (1 + 0.3 * random.nextGaussian()) + (m % 97 == 0 ? 3000 : 0));
    }
    Trace trace = new Trace("test", T0, 60, counts);
    double capacity = 1.0;
    int max = 40;
    Scenario scenario =
        Scenario.assemble(
            "x",
            new ManifestReader().read("t.yaml", QualityBenchmark.policy(capacity, max, "")),
            Map.of(),
            Optional.of(trace));
    int steps = (int) ((trace.endSecond() - trace.startSecond()) / 15);
    int[] enginePods = new int[steps];
    new Simulator()
        .run(
            scenario,
            QualityBenchmark.SETTINGS,
            ProgressListener.NONE,
            (now, dt, policy, kind, rate, demand, ready, pods) -> {
              if (kind == StrategyKind.HPA) {
                for (long s = now; s < now + dt; s += 15) {
                  enginePods[(int) ((s - trace.startSecond()) / 15)] = pods;
                }
              }
            });
    int initial = enginePods[0];

    ReferenceRun.Series reference =
        new ReferenceRun(15, 15, 60, 30, 120)
            .run(trace, new ReferenceHpa(capacity, 1, max, initial), initial);

    assertThat(reference.pods()).containsExactly(enginePods);
    assertThat(java.util.Arrays.stream(enginePods).distinct().count()).isGreaterThan(10);
  }
}
