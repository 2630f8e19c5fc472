package dev.headroom.operator.reconciler;

import dev.headroom.operator.api.v1alpha1.ScalingPolicy;
import dev.headroom.operator.forecast.PolicyForecaster;
import dev.headroom.operator.policy.PolicySpecs;
import dev.headroom.operator.policy.RecommendationMemory;
import dev.headroom.operator.policy.UnwrittenRecords;
import dev.headroom.operator.signal.SignalHub;
import dev.headroom.operator.status.StatusWriter;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a policy keeps between rounds: its status (written with its resourceVersion, and not at all
 * while only stabilization entries changed, {@link RecommendationMemory}; history entries whose
 * write met a conflict are carried to the next round, {@link UnwrittenRecords}), and what is kept
 * in memory for it (mapped spec, forecast history, recommendations, signal watches), forgotten once
 * the policy is deleted.
 */
public final class PolicyMemory {

  private static final Duration FORGET_PERIOD = Duration.ofMinutes(1);

  private final StatusWriter statusWriter;
  private final RecommendationMemory recommendations;
  private final UnwrittenRecords unwritten = new UnwrittenRecords();
  private final PolicySpecs specs;
  private final PolicyForecaster forecaster;
  private final SignalHub hub;
  private volatile Instant nextForget;

  public PolicyMemory(
      StatusWriter statusWriter,
      RecommendationMemory recommendations,
      PolicySpecs specs,
      PolicyForecaster forecaster,
      SignalHub hub) {
    this.statusWriter = statusWriter;
    this.recommendations = recommendations;
    this.specs = specs;
    this.forecaster = forecaster;
    this.hub = hub;
  }

  /** The copy a round changes, with the recommendations not yet persisted in its status. */
  public ScalingPolicy working(ScalingPolicy cached, Instant now) {
    ScalingPolicy policy = copyOf(cached);
    recommendations.restore(cached, policy, now);
    unwritten.restore(cached, policy);
    return policy;
  }

  /**
   * The copy a round changes: its own metadata and a deep copy of the status; the spec is only read
   * and stays shared with the cache (a JSON round trip of the whole policy cost more than the rest
   * of a steady round).
   */
  static ScalingPolicy copyOf(ScalingPolicy cached) {
    ScalingPolicy policy = new ScalingPolicy();
    policy.setMetadata(new ObjectMetaBuilder(cached.getMetadata()).build());
    policy.setSpec(cached.getSpec());
    policy.setStatus(cached.getStatus() == null ? null : cached.getStatus().copy());
    return policy;
  }

  /**
   * Writes the round's status unless only recommendations changed since the last write.
   *
   * @param stored receives the policy as the API server stored it, when it was written
   */
  public StatusWriter.Outcome write(
      ScalingPolicy cached, ScalingPolicy policy, Instant now, Consumer<ScalingPolicy> stored) {
    boolean deferred = recommendations.defer(cached, policy, now);
    StatusWriter.Outcome written =
        deferred
            ? StatusWriter.Outcome.UNCHANGED
            : statusWriter.write(cached, policy, cached.getStatus(), policy.getStatus(), stored);
    if (written == StatusWriter.Outcome.STALE) {
      unwritten.keep(cached, policy);
    } else {
      unwritten.stored(cached);
      if (!deferred) {
        recommendations.persisted(cached, now);
      }
    }
    return written;
  }

  /** Writes a status as it is (a failed round's), not deferred. */
  public void writeNow(ScalingPolicy cached, ScalingPolicy policy) {
    statusWriter.write(cached, policy, cached.getStatus(), policy.getStatus());
  }

  /**
   * Drops what is kept in memory for deleted policies. The informer's cache lists the live ones;
   * listing it costs O(policies), so at most once a minute.
   */
  public void forgetDeleted(Supplier<Stream<ScalingPolicy>> live, Instant now) {
    Instant due = nextForget;
    if (due != null && now.isBefore(due)) {
      return;
    }
    nextForget = now.plus(FORGET_PERIOD);
    Set<String> uids = live.get().map(p -> p.getMetadata().getUid()).collect(Collectors.toSet());
    forecaster.retain(uids);
    recommendations.retain(uids);
    unwritten.retain(uids);
    specs.retain(uids);
    hub.retain(live.get().map(ResourceID::fromResource).collect(Collectors.toSet()));
  }
}
