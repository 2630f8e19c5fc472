package dev.headroom.operator.reconciler;

import dev.headroom.engine.budget.BudgetAllocation;
import dev.headroom.engine.budget.BudgetAllocator;
import dev.headroom.operator.api.v1alpha1.ConnectionBudget;
import dev.headroom.operator.api.v1alpha1.ConnectionBudgetStatus;
import dev.headroom.operator.api.v1alpha1.ScalingPolicy;
import dev.headroom.operator.budget.BudgetConsumers;
import dev.headroom.operator.budget.BudgetObserver;
import dev.headroom.operator.budget.BudgetOutcome;
import dev.headroom.operator.budget.BudgetStatusBuilder;
import dev.headroom.operator.metrics.HeadroomMetrics;
import dev.headroom.operator.status.EventPublisher;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * One budget round: observe its consumers ({@link BudgetObserver}), decide the allocation and the
 * next two-phase grant step ({@link BudgetAllocator}, {@link BudgetStatusBuilder}), and explain
 * ({@link BudgetOutcome}). It writes nothing: it returns the status to write and whether a grant
 * step is still moving.
 */
public final class BudgetRound {

  private final BudgetObserver observer;
  private final BudgetAllocator allocator;
  private final EventPublisher events;
  private final HeadroomMetrics metrics;

  public BudgetRound(
      BudgetObserver observer,
      BudgetAllocator allocator,
      EventPublisher events,
      HeadroomMetrics metrics) {
    this.observer = observer;
    this.allocator = allocator;
    this.events = events;
    this.metrics = metrics;
  }

  /**
   * Runs the round on {@code budget} (as cached: only read; the status it returns is new), given
   * the policies that refer to it.
   */
  public BudgetOutcome.Next run(
      ConnectionBudget budget, Stream<ScalingPolicy> referring, Instant now) {
    BudgetOutcome out = new BudgetOutcome(budget, now, events, metrics);
    BudgetObserver.Observed observed = observer.observe(budget, referring, now);
    if (observed instanceof BudgetObserver.Invalid invalid) {
      return out.invalid(
          invalid.violations(),
          budget.getStatus() == null ? new ConnectionBudgetStatus() : budget.getStatus().copy());
    }
    BudgetObserver.Inputs in = (BudgetObserver.Inputs) observed;
    BudgetAllocation allocation =
        allocator.allocate(
            in.spec(), in.consumers().stream().map(BudgetConsumers::demand).toList());
    return out.granted(
        in,
        allocation,
        BudgetStatusBuilder.next(budget, allocation, in.consumers(), in.reading().measurement()));
  }
}
