package dev.headroom.operator.reconciler;

import dev.headroom.operator.api.v1alpha1.ConnectionBudget;
import dev.headroom.operator.api.v1alpha1.ScalingPolicy;
import dev.headroom.operator.config.ShardSelector;
import dev.headroom.operator.ids.BudgetId;
import dev.headroom.operator.signal.PolicyWakeups;
import dev.headroom.operator.workload.ClusterCache;
import dev.headroom.operator.workload.SlimItemStore;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * What wakes a policy besides its own changes: its budget's grants ({@link GrantChanges}), its
 * target's watches ({@link ClusterCache}) and its signals ({@link PolicyWakeups}); and the indexes
 * of the policies' cache by budget and by target. The budgets' watch also tells {@code
 * budgetDeleted} of a deleted budget (its gauges go with it; budgets carry no finalizer).
 */
final class PolicyEventSources {

  static final String BY_BUDGET = "byBudget";
  static final String BY_TARGET = "byTarget";

  private PolicyEventSources() {}

  static List<EventSource<?, ScalingPolicy>> of(
      EventSourceContext<ScalingPolicy> context,
      PolicyWakeups wakeups,
      ClusterCache cache,
      Optional<ShardSelector> shard,
      Consumer<ConnectionBudget> budgetDeleted) {
    context
        .getPrimaryCache()
        .addIndexer(
            BY_BUDGET,
            p -> BudgetId.referencedBy(p).map(b -> List.of(b.toString())).orElse(List.of()));
    context
        .getPrimaryCache()
        .addIndexer(
            BY_TARGET,
            p ->
                p.getSpec() == null || p.getSpec().getTargetRef() == null
                    ? List.of()
                    : List.of(targetKey(p)));
    // A target's replicas, generation or status changed (pods ready, a rollout progressing, a
    // kubectl scale): its policies run a round now rather than at their next sync.
    cache.onTargetChange(
        ref ->
            context
                .getPrimaryCache()
                .byIndex(BY_TARGET, ref.namespace() + "/" + ref.kind() + "/" + ref.name())
                .forEach(p -> wakeups.wake(ResourceID.fromResource(p))));
    var budgets =
        InformerEventSourceConfiguration.from(ConnectionBudget.class, ScalingPolicy.class)
            .withItemStore(new SlimItemStore<>())
            .withSecondaryToPrimaryMapper(
                new GrantChanges(
                        budgetId ->
                            context.getPrimaryCache().byIndex(BY_BUDGET, budgetId).stream()
                                .map(ResourceID::fromResource)
                                .collect(Collectors.toSet()))
                    ::toWake)
            .withPrimaryToSecondaryMapper(
                (ScalingPolicy p) ->
                    BudgetId.referencedBy(p).map(b -> Set.of(b.resourceId())).orElse(Set.of()))
            // Only this shard's budgets (see config.Sharding).
            .withLabelSelector(shard.map(Object::toString).orElse(null))
            .build();
    InformerEventSource<ConnectionBudget, ScalingPolicy> budgetSource =
        new InformerEventSource<>(budgets, context) {
          @Override
          public void onDelete(ConnectionBudget budget, boolean finalStateUnknown) {
            super.onDelete(budget, finalStateUnknown);
            budgetDeleted.accept(budget);
          }
        };
    return List.of(budgetSource, wakeups);
  }

  /** A policy's target as the workload caches name it: namespace, kind and name (any version). */
  static String targetKey(ScalingPolicy p) {
    return p.getMetadata().getNamespace()
        + "/"
        + p.getSpec().getTargetRef().getKind()
        + "/"
        + p.getSpec().getTargetRef().getName();
  }
}
