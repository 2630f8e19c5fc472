package dev.headroom.engine.hpa;

import dev.headroom.engine.model.Limit;
import dev.headroom.engine.model.ScalingHistory;

/**
 * Result of {@link BehaviorNormalizer#normalize}.
 *
 * @param desiredReplicas the normalized replica count
 * @param stabilizedReplicas the recommendation after the stabilization windows, before rates
 * @param stabilized whether stabilization changed the recommendation
 * @param limit what changed the stabilized recommendation: NONE, RATE_POLICY, MIN or MAX
 * @param limitReason the HPA's reason: {@code DesiredWithinRange}, {@code ScaleUpLimit}, {@code
 *     ScaleDownLimit}, {@code TooManyReplicas} or {@code TooFewReplicas}
 * @param history the history with this round's unstabilized recommendation recorded
 */
public record Normalization(
    int desiredReplicas,
    int stabilizedReplicas,
    boolean stabilized,
    Limit limit,
    String limitReason,
    ScalingHistory history) {}
