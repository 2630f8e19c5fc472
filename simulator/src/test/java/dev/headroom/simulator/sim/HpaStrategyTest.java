package dev.headroom.simulator.sim;

import static dev.headroom.simulator.sim.Fixtures.concat;
import static dev.headroom.simulator.sim.Fixtures.flat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The HPA baseline's response to a step from 100 to 400 req/s at minute 10 and back at minute 20,
 * target 10 req/s per replica, HPA v2 default behavior, metric delay 30 s, no rate window,
 * reconcile every 15 s, pods ready 30 s after a scale-up.
 */
class HpaStrategyTest {

  private static final long T0 = Fixtures.T0.getEpochSecond();

  /** Replica count (and ready pods) after each reconcile, by seconds since the start. */
  private static Map<Long, int[]> run() {
    Scenario scenario =
        Fixtures.scenario(
            Fixtures.policy(10, 1, 100, ""),
            Fixtures.perMinute(concat(flat(10, 100), flat(10, 400), flat(10, 100))));
    SimClock clock = new SimClock(T0);
    SimContext ctx = new SimContext(scenario, Fixtures.crisp(), clock);
    HpaStrategy hpa = new HpaStrategy(ctx);
    Map<Long, int[]> out = new TreeMap<>();
    for (long t = 0; t < 1800; t += 15) {
      clock.moveTo(T0 + t);
      hpa.reconcile();
      Workload w = hpa.workload(0);
      out.put(t, new int[] {w.replicas(), w.pods().promote(T0 + t)});
    }
    return out;
  }

  @Test
  void startsAtWhatTheFirstRateNeeds() {
    assertThat(run().get(0L)).containsExactly(10, 10);
  }

  @Test
  void scaleUpFollowsTheDefaultRatePolicyAfterTheMetricDelay() {
    Map<Long, int[]> r = run();
    // the step at 600 s is read at 630 s (30 s metric delay)
    assertThat(r.get(615L)).containsExactly(10, 10);
    // 40 wanted; the default scale-up policy allows max(+4 pods, +100%) per 15 s: 20
    assertThat(r.get(630L)).containsExactly(20, 10);
    // the +10 event at 630 s is not inside (645 - 15, 645]: another doubling allowed
    assertThat(r.get(645L)).containsExactly(40, 10);
    // ready 30 s after each scale-up
    assertThat(r.get(660L)).containsExactly(40, 20);
    assertThat(r.get(675L)).containsExactly(40, 40);
  }

  @Test
  void scaleDownWaitsForTheFiveMinuteStabilizationWindow() {
    Map<Long, int[]> r = run();
    // the drop at 1200 s is read at 1230 s; the last recommendation of 40 was made at 1215 s
    // and leaves the 300 s window after 1515 s
    assertThat(r.get(1230L)).containsExactly(40, 40);
    assertThat(r.get(1500L)).containsExactly(40, 40);
    // scale-down policy 100% per 15 s: straight to 10
    assertThat(r.get(1515L)).containsExactly(10, 10);
  }
}
