package dev.headroom.engine.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.headroom.engine.DecisionEngine;
import dev.headroom.engine.model.Decision;
import dev.headroom.engine.model.LoadSignal;
import dev.headroom.engine.model.Observation;
import dev.headroom.engine.model.PolicySpec;
import dev.headroom.engine.model.Replicas;
import dev.headroom.engine.model.ScalingHistory;
import dev.headroom.engine.model.ScheduleSpec;
import dev.headroom.engine.model.SignalSample;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class BudgetAskTest {

  static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
  static final Replicas BOUNDS = new Replicas(1, 20);

  private final DecisionEngine engine = new DecisionEngine();
  private final BudgetAsk ask = new BudgetAsk(0.1);

  private Decision decide(int current, double load) {
    return decide(
        PolicySpec.builder("shop/api", BOUNDS.min(), BOUNDS.max())
            .load(LoadSignal.averageValue("load", 10))
            .build(),
        current,
        load);
  }

  private Decision decide(PolicySpec spec, int current, double load) {
    return engine.decide(
        spec,
        Observation.of(NOW, current, current).withSignal("load", SignalSample.value(NOW, load)),
        ScalingHistory.empty());
  }

  @Test
  void outsideTheToleranceTheAskIsWhatTheLoadNeeds() {
    // 54 at 10 per replica, held at 4: ratio 1.35 -> 6
    assertThat(ask.replicas(decide(4, 54), BOUNDS, OptionalInt.of(6))).isEqualTo(6);
    assertThat(ask.replicas(decide(4, 54), BOUNDS, OptionalInt.empty())).isEqualTo(6);
  }

  @Test
  void heldBelowItsAskWithinTheToleranceItKeepsAskingTheSame() {
    // granted enough for 5: ratio 1.08 is within the tolerance; the HPA would keep 5
    Decision d = decide(5, 54);
    assertThat(d.toleranceHeld()).isTrue();
    assertThat(ask.replicas(d, BOUNDS, OptionalInt.of(6))).isEqualTo(6);
  }

  @Test
  void thePreviousAskIsKeptOnlyUpToTheTopOfTheToleranceBand() {
    // asked 12 when the load was higher; at 5 replicas within the tolerance the load needs <= 5.5
    assertThat(ask.replicas(decide(5, 52), BOUNDS, OptionalInt.of(12))).isEqualTo(6);
    // 10 x 1.1 is 11 exactly, not 12
    assertThat(ask.replicas(decide(10, 104), BOUNDS, OptionalInt.of(15))).isEqualTo(11);
  }

  @Test
  void notHeldBelowItsAskItIsTheHpaRecommendation() {
    assertThat(ask.replicas(decide(5, 52), BOUNDS, OptionalInt.of(5))).isEqualTo(5);
    assertThat(ask.replicas(decide(5, 52), BOUNDS, OptionalInt.of(3))).isEqualTo(5);
    assertThat(ask.replicas(decide(5, 52), BOUNDS, OptionalInt.empty())).isEqualTo(5);
  }

  @Test
  void theBandIsClampedToReplicasMax() {
    Replicas bounds = new Replicas(1, 5);
    PolicySpec spec =
        PolicySpec.builder("shop/api", 1, 5).load(LoadSignal.averageValue("load", 10)).build();
    assertThat(ask.replicas(decide(spec, 5, 54), bounds, OptionalInt.of(7))).isEqualTo(5);
  }

  @Test
  void aScheduleFloorAboveTheBandWins() {
    PolicySpec spec =
        PolicySpec.builder("shop/api", 1, 20)
            .load(LoadSignal.averageValue("load", 10))
            .schedule(
                new ScheduleSpec(
                    "peak", "0 10 * * *", "UTC", Duration.ofHours(1), Duration.ZERO, 9))
            .build();
    Decision d = decide(spec, 5, 52);
    assertThat(d.toleranceHeld()).isFalse();
    assertThat(ask.replicas(d, BOUNDS, OptionalInt.of(6))).isEqualTo(9);
  }

  @Test
  void aNegativeToleranceIsRefused() {
    assertThatThrownBy(() -> new BudgetAsk(-0.1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tolerance");
  }

  /**
   * The flapping this class prevents: a consumer held below its load by a grant that follows its
   * ask. Whatever the load and the replicas the grant allows, two rounds at the same load ask the
   * same, so the grant, and with it the replicas, settle.
   */
  @Property(tries = 2000)
  void theAskDoesNotDependOnWhereTheGrantHoldsTheReplicasWithinTheBand(
      @ForAll @IntRange(min = 1, max = 190) int loadTimesTen,
      @ForAll @IntRange(min = 1, max = 19) int held) {
    double load = loadTimesTen;
    int first = ask.replicas(decide(held, load), BOUNDS, OptionalInt.empty());
    int granted = Math.min(first, held + 1); // the grant allows one more replica than before
    int second = ask.replicas(decide(granted, load), BOUNDS, OptionalInt.of(first));
    if (granted < first) {
      assertThat(second).isEqualTo(first);
    }
    int needed = BOUNDS.clamp((int) Math.ceil(load / 10 - 1e-9));
    assertThat(second).isBetween(Math.min(needed, granted), Math.max(needed, first));
  }
}
