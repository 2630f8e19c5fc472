package dev.headroom.operator.reconciler;

import dev.headroom.engine.DecisionEngine;
import dev.headroom.engine.budget.BudgetAsk;
import dev.headroom.engine.model.Decision;
import dev.headroom.engine.model.PolicySpec;
import dev.headroom.engine.model.ScalingHistory;
import dev.headroom.operator.workload.WorkloadSnapshot;

/**
 * The decision of a policy round, from its {@link PolicyInputs}: the engine's {@link Decision} and
 * what the policy asks its budget for.
 *
 * <p>The surge is the one input that depends on the answer: a percentage surge grows with the
 * replica count, and the grant must hold the surge of the largest count in play (what runs, what is
 * asked). The ask does not depend on the surge (it is the recommendation before the grant caps it),
 * so it is known from the first answer; only when it needs a larger surge than the inputs counted
 * is the grant fitted again with that surge. A larger surge only lowers the decision, never the
 * ask, so that second fit is final.
 */
public final class PolicyDecider {

  /** One decision and the inputs it was made with. */
  public record Decided(
      PolicySpec spec, WorkloadSnapshot snapshot, Decision decision, int requested) {}

  private final DecisionEngine engine;
  private final BudgetAsk budgetAsk;

  public PolicyDecider(DecisionEngine engine, BudgetAsk budgetAsk) {
    this.engine = engine;
    this.budgetAsk = budgetAsk;
  }

  public Decided decide(PolicyInputs in, ScalingHistory history) {
    WorkloadSnapshot snap = in.snapshot();
    PolicySpec spec = in.mapped().withSurge(snap.maxSurge());
    Decision decision = engine.decide(spec, in.observation(), history);
    // The budget's demand is what the load asks within bounds: not rate-limited, not capped,
    // so identical services ask alike whatever they run now (BudgetAsk: no flapping when the
    // tolerance band sits around a capped count).
    int requested = budgetAsk.replicas(decision, spec.replicas(), in.previousAsk());
    int surge =
        snap.surgeAt(
            Math.max(snap.specReplicas(), Math.max(requested, decision.desiredReplicas())));
    if (surge > snap.maxSurge()) {
      snap = snap.withMaxSurge(surge);
      spec = in.mapped().withSurge(surge);
      decision = engine.decide(spec, in.observation(), history);
    }
    return new Decided(spec, snap, decision, requested);
  }
}
