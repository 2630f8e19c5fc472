package dev.headroom.engine;

import dev.headroom.engine.model.Decision;
import dev.headroom.engine.model.Mode;
import dev.headroom.engine.model.Observation;
import dev.headroom.engine.model.PolicySpec;
import dev.headroom.engine.port.DecisionRecorder;
import dev.headroom.engine.port.HistoryStore;
import dev.headroom.engine.port.MetricsSource;
import dev.headroom.engine.port.ScalingRealizer;
import java.time.Clock;
import java.time.Instant;
import java.util.OptionalInt;

/**
 * One decision round through the ports: observe, decide, record, apply (unless dry-run), keep the
 * history. Hosts that need more control call {@link DecisionEngine} directly.
 */
public final class PolicyLoop {

  private final DecisionEngine engine;
  private final MetricsSource metrics;
  private final ScalingRealizer realizer;
  private final DecisionRecorder recorder;
  private final HistoryStore histories;
  private final Clock clock;

  public PolicyLoop(
      DecisionEngine engine,
      MetricsSource metrics,
      ScalingRealizer realizer,
      DecisionRecorder recorder,
      HistoryStore histories,
      Clock clock) {
    this.engine = engine;
    this.metrics = metrics;
    this.realizer = realizer;
    this.recorder = recorder;
    this.histories = histories;
    this.clock = clock;
  }

  /**
   * Runs one round for a policy whose workload has {@code currentReplicas} ({@code readyReplicas}
   * ready), with its budget grant and forecast if it has them.
   */
  public Decision run(
      PolicySpec spec,
      int currentReplicas,
      int readyReplicas,
      OptionalInt grantedConnections,
      OptionalInt forecastReplicas) {
    Instant now = clock.instant();
    Observation obs =
        new Observation(
            now,
            currentReplicas,
            readyReplicas,
            metrics.signals(spec, now),
            metrics.concurrency(spec, now),
            forecastReplicas,
            grantedConnections);
    Decision decision = engine.decide(spec, obs, histories.load(spec.id()));
    recorder.record(decision);
    if (decision.valid() && spec.mode() == Mode.ENFORCE) {
      decision.poolSize().ifPresent(pool -> realizer.realizePoolSize(spec.id(), pool));
      if (decision.rescale()) {
        realizer.realizeReplicas(spec.id(), decision.desiredReplicas());
      }
    }
    histories.store(spec.id(), decision.history());
    return decision;
  }
}
