package dev.headroom.operator.reconciler;

import dev.headroom.operator.config.HeadroomConfig;
import dev.headroom.operator.metrics.HeadroomMetrics;
import dev.headroom.operator.signal.PolicyWakeups;
import dev.headroom.operator.signal.SignalHub;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.time.Duration;
import java.time.Instant;

/**
 * After a round: what wakes the policy from now on (its shared signals' bands, {@link
 * NextRound#watches}), when its next round is due anyway, and the latency of a scale write caused
 * by a load value.
 */
public final class RoundWakeups {

  private final SignalHub hub;
  private final NextRound nextRound;
  private final HeadroomMetrics metrics;
  private final Duration tick;

  public RoundWakeups(
      SignalHub hub, NextRound nextRound, HeadroomMetrics metrics, HeadroomConfig config) {
    this.hub = hub;
    this.nextRound = nextRound;
    this.metrics = metrics;
    this.tick = config.signals().tick();
  }

  /** The event source that wakes a policy when a signal leaves its band. */
  PolicyWakeups eventSource() {
    return new PolicyWakeups(hub, tick);
  }

  /**
   * Leaves the round's signal bands with the hub and returns when the next round is due.
   *
   * @param planned the delay the round itself asked for
   */
  Duration after(ResourceID id, RoundFacts facts, Duration planned, Instant now) {
    if (facts.decision == null) {
      hub.forget(id);
    } else {
      hub.watch(id, nextRound.watches(facts));
      if (facts.scaled()) {
        hub.acted(id).ifPresent(seen -> metrics.signalToScale(Duration.between(seen, now)));
      } else if (facts.settled()) {
        hub.settled(id);
      }
    }
    return nextRound.delay(facts, planned, now);
  }
}
