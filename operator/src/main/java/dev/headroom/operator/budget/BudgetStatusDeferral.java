package dev.headroom.operator.budget;

import dev.headroom.operator.api.v1alpha1.ConnectionBudget;
import dev.headroom.operator.api.v1alpha1.ConnectionBudgetStatus;
import dev.headroom.operator.api.v1alpha1.ConsumerGrant;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether a budget round may leave its status unwritten for now.
 *
 * <p>A budget's status holds two kinds of fields. The ledger (each consumer's grant, grant
 * sequence, held connections, target and phase; the totals allocated and headroom; each condition's
 * status and reason) is what the consumers obey and what keeps the invariant: it is written as soon
 * as it changes. The rest only reports what the consumers said (demand, replicas, pool, in-use
 * bound, surge), what was measured, and the condition messages that quote them: with a budget that
 * lends every consumer its ceiling, a consumer's load change moves only these, and writing a status
 * of 1,000 consumers for each of them (then reading it back in two informers) was most of a
 * scale-up's cost at 10,000 policies. Such a round is not written while the last write is younger
 * than the period (the budget sync period); the round after it writes the report, and any ledger
 * change writes everything at once.
 */
public final class BudgetStatusDeferral {

  private final Duration period;
  private final Map<String, Instant> writtenAt = new ConcurrentHashMap<>();

  public BudgetStatusDeferral(Duration period) {
    this.period = Objects.requireNonNull(period, "period");
  }

  /**
   * Whether {@code next} differs from the stored status in reported fields only, written lately.
   */
  public boolean defer(ConnectionBudget stored, ConnectionBudgetStatus next, Instant now) {
    if (period.isZero() || stored.getStatus() == null || next == null) {
      return false;
    }
    Instant last = writtenAt.get(key(stored));
    if (last == null || !now.isBefore(last.plus(period))) {
      return false;
    }
    return ledger(stored.getStatus()).equals(ledger(next));
  }

  /** The budget's status is stored as the round computed it (written, or found unchanged). */
  public void stored(ConnectionBudget budget, Instant now) {
    writtenAt.put(key(budget), now);
  }

  /** The status without the fields that only report: what the consumers obey. */
  static ConnectionBudgetStatus ledger(ConnectionBudgetStatus status) {
    ConnectionBudgetStatus l = status.copy();
    l.setInUseBound(null);
    l.setObservedConnections(null);
    l.setUnattributedConnections(null);
    l.setConditions(
        new ArrayList<>(
            l.getConditions().stream()
                .map(c -> new ConditionBuilder(c).withMessage(null).build())
                .toList()));
    for (ConsumerGrant g : l.getConsumers()) {
      g.setDemand(null);
      g.setReplicas(null);
      g.setPoolSize(null);
      g.setInUseBound(null);
      g.setMaxSurge(null);
    }
    return l;
  }

  private static String key(ConnectionBudget budget) {
    String uid = budget.getMetadata().getUid();
    return uid != null
        ? uid
        : budget.getMetadata().getNamespace() + "/" + budget.getMetadata().getName();
  }
}
