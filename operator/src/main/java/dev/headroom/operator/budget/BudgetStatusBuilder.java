package dev.headroom.operator.budget;

import dev.headroom.engine.budget.BudgetAllocation;
import dev.headroom.engine.budget.Grant;
import dev.headroom.engine.budget.PoolSize;
import dev.headroom.engine.budget.PoolSizer;
import dev.headroom.engine.grant.GrantLedger;
import dev.headroom.engine.grant.LedgerEntry;
import dev.headroom.engine.grant.LedgerStep;
import dev.headroom.engine.grant.MeasuredUsage;
import dev.headroom.engine.grant.Measurement;
import dev.headroom.operator.api.v1alpha1.AllocationStrategy;
import dev.headroom.operator.api.v1alpha1.ConnectionBudget;
import dev.headroom.operator.api.v1alpha1.ConnectionBudgetStatus;
import dev.headroom.operator.api.v1alpha1.ConsumerGrant;
import dev.headroom.operator.api.v1alpha1.ConsumerPhase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes a budget's next status from its consumers: the allocation's targets, stepped two-phase
 * by the {@link GrantLedger} from the grants published last time, checked against the connections
 * measured in use ({@code spec.observed}) when there is a measurement.
 */
public final class BudgetStatusBuilder {

  private BudgetStatusBuilder() {}

  public static ConnectionBudgetStatus next(
      ConnectionBudget budget, BudgetAllocation allocation, List<BudgetConsumers> consumers) {
    return next(budget, allocation, consumers, Measurement.none());
  }

  public static ConnectionBudgetStatus next(
      ConnectionBudget budget,
      BudgetAllocation allocation,
      List<BudgetConsumers> consumers,
      Measurement measured) {
    Map<String, ConsumerGrant> previous = new HashMap<>();
    if (budget.getStatus() != null) {
      for (ConsumerGrant g : budget.getStatus().getConsumers()) {
        previous.put(g.getPolicy(), g);
      }
    }
    Map<String, Grant> targets = new HashMap<>();
    for (Grant g : allocation.grants()) {
      targets.put(g.consumerId(), g);
    }
    boolean byPriority = budget.getSpec().getAllocation() == AllocationStrategy.PRIORITY;
    List<LedgerEntry> entries = new ArrayList<>();
    for (BudgetConsumers c : consumers) {
      ConsumerGrant before = previous.get(c.demand().id());
      entries.add(
          new LedgerEntry(
              c.demand().id(),
              byPriority ? -c.demand().priority() : 0,
              targets.get(c.demand().id()).connections(),
              before == null || before.getGrant() == null ? 0 : before.getGrant(),
              before == null || before.getGrantSeq() == null ? 0 : before.getGrantSeq(),
              before == null || before.getHeld() == null ? 0 : before.getHeld(),
              c.acknowledgedSeq(),
              c.inUseBound()));
    }
    List<LedgerStep> steps = GrantLedger.step(allocation.available(), entries, measured);
    MeasuredUsage usage = new MeasuredUsage(GrantLedger.totalHeld(steps), measured);

    ConnectionBudgetStatus status = new ConnectionBudgetStatus();
    status.setConditions(
        budget.getStatus() == null
            ? new ArrayList<>()
            : new ArrayList<>(budget.getStatus().getConditions()));
    status.setObservedGeneration(budget.getMetadata().getGeneration());
    status.setAvailable((int) allocation.available());
    long allocated = 0;
    long inUse = 0;
    PoolSizer sizer = new PoolSizer();
    for (int i = 0; i < consumers.size(); i++) {
      BudgetConsumers c = consumers.get(i);
      LedgerStep step = steps.get(i);
      Grant target = targets.get(c.demand().id());
      PoolSize fit =
          sizer.size(
              step.issued(),
              c.demand().desiredReplicas(),
              c.demand().poolMin(),
              c.demand().poolMax(),
              c.demand().maxSurge());
      ConsumerGrant g = new ConsumerGrant();
      g.setPolicy(c.demand().id());
      g.setPriority(c.demand().priority());
      g.setMinimum(toInt(target.guaranteed()));
      g.setDemand(toInt(target.demand()));
      g.setTarget(toInt(target.connections()));
      g.setGrant(toInt(step.issued()));
      g.setGrantSeq(step.issuedSeq());
      g.setHeld(step.held());
      g.setInUseBound(c.inUseBound().isPresent() ? c.inUseBound().getAsLong() : null);
      g.setReplicas(fit.replicas());
      g.setPoolSize(fit.pool());
      g.setMaxSurge(c.demand().maxSurge());
      g.setPhase(ConsumerPhase.valueOf(step.phase().name()));
      status.getConsumers().add(g);
      allocated += step.issued();
      inUse += c.inUseBound().orElse(0);
    }
    status.setAllocated(toInt(allocated));
    // Unattributed connections (measured beyond the model) shrink what is left to grant.
    status.setHeadroom(
        toInt(allocation.available() - GrantLedger.totalHeld(steps) - usage.unattributed()));
    if (measured.connections().isPresent()) {
      status.setObservedConnections(toInt(measured.connections().getAsLong()));
      status.setUnattributedConnections(toInt(usage.unattributed()));
    }
    status.setInUseBound(inUse);
    status.setConsumerCount(consumers.size());
    return status;
  }

  private static int toInt(long value) {
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
  }
}
