package dev.headroom.operator.reconciler;

import dev.headroom.operator.api.v1alpha1.ConnectionBudget;
import dev.headroom.operator.api.v1alpha1.ScalingPolicy;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * What a policy round reads from the operator's caches besides the policy itself: its budget, the
 * policies on the same target, and every live policy. Each is read only when the round needs it.
 */
public record PolicyCaches(
    Supplier<Optional<ConnectionBudget>> budget,
    Supplier<Stream<ScalingPolicy>> sameTarget,
    Supplier<Stream<ScalingPolicy>> all) {

  /** The informers' view: the budget event source and the primary cache's target index. */
  static PolicyCaches of(ScalingPolicy policy, Context<ScalingPolicy> context) {
    return new PolicyCaches(
        () -> context.getSecondaryResource(ConnectionBudget.class),
        () ->
            context
                .getPrimaryCache()
                .byIndex(PolicyEventSources.BY_TARGET, PolicyEventSources.targetKey(policy))
                .stream(),
        () -> context.getPrimaryCache().list());
  }

  /** A fixed view, as a test or a tool builds it. */
  public static PolicyCaches of(Optional<ConnectionBudget> budget, List<ScalingPolicy> policies) {
    return new PolicyCaches(() -> budget, policies::stream, policies::stream);
  }
}
