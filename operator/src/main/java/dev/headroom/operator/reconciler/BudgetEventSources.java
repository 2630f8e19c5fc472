package dev.headroom.operator.reconciler;

import dev.headroom.operator.api.v1alpha1.ConnectionBudget;
import dev.headroom.operator.api.v1alpha1.ScalingPolicy;
import dev.headroom.operator.budget.ConsumerCopy;
import dev.headroom.operator.ids.BudgetId;
import dev.headroom.operator.workload.SlimItemStore;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** What wakes a budget: the policies that draw on it, indexed by the budget they name. */
final class BudgetEventSources {

  static final String BY_BUDGET = "byBudget";

  private BudgetEventSources() {}

  /**
   * @param labelSelector the shard's selector: the consumers the budgets' controller may see are in
   *     every namespace it watches (all, or the chart's watchNamespaces, whose Roles allow no more)
   *     and only in its own shard
   */
  static InformerEventSource<ScalingPolicy, ConnectionBudget> consumers(
      EventSourceContext<ConnectionBudget> context, String labelSelector) {
    var cfg =
        InformerEventSourceConfiguration.from(ScalingPolicy.class, ConnectionBudget.class)
            .withItemStore(new SlimItemStore<>(ConsumerCopy::of))
            .withSecondaryToPrimaryMapper(
                (ScalingPolicy p) ->
                    BudgetId.referencedBy(p)
                        .map(b -> Set.of(b.resourceId()))
                        .orElse(Set.<ResourceID>of()))
            .withOnUpdateFilter(
                (ScalingPolicy now, ScalingPolicy before) -> budgetRelevantChange(now, before))
            .withLabelSelector(labelSelector)
            .build();
    var policies = new InformerEventSource<>(cfg, context);
    // A budget reads its own consumers from an index, not by filtering every policy each round.
    policies.addIndexers(
        Map.of(
            BY_BUDGET,
            p -> BudgetId.referencedBy(p).map(b -> List.of(b.toString())).orElse(List.of())));
    return policies;
  }

  /** Only what the budget reads from a policy wakes it: spec, demand, surge, ack, bound. */
  static boolean budgetRelevantChange(ScalingPolicy now, ScalingPolicy before) {
    if (!Objects.equals(now.getMetadata().getGeneration(), before.getMetadata().getGeneration())) {
      return true;
    }
    var a = now.getStatus();
    var b = before.getStatus();
    if (a == null || b == null) {
      return a != b;
    }
    return !Objects.equals(a.getRequestedReplicas(), b.getRequestedReplicas())
        || !Objects.equals(a.getMaxSurge(), b.getMaxSurge())
        || !Objects.equals(a.getAcknowledgedGrantSeq(), b.getAcknowledgedGrantSeq())
        || !Objects.equals(a.getInUseBound(), b.getInUseBound());
  }
}
