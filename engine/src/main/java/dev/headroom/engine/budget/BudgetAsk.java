package dev.headroom.engine.budget;

import dev.headroom.engine.model.Decision;
import dev.headroom.engine.model.Recommendation;
import dev.headroom.engine.model.Replicas;
import dev.headroom.engine.model.Source;
import java.util.OptionalInt;

/**
 * How many replicas a policy asks its budget for: what the load, the schedules and the forecast
 * want within {@code replicas.min..max}, before rate policies, stabilization and the grant.
 *
 * <p>The HPA tolerance keeps the current replicas when every signal is within 10% of them. That is
 * right for the replicas a workload runs, and wrong for what it asks of a budget while the grant
 * holds it below its load: the tolerance band then sits around the capped count, not around what
 * the load needs. Take a load of 54 at 10 per replica. Capped at 4 replicas the ratio is 1.35 and
 * the policy asks for 6; granted enough for 5, the ratio is 1.08, within the tolerance, and it
 * would ask for 5. The smaller ask shrinks its proportional share, the grant falls back to 4
 * replicas, it asks for 6 again, and every turn is a rollout.
 *
 * <p>So while the ask is above the current replicas and the load is within the tolerance of them,
 * the policy keeps its previous ask, but never more than the top of the tolerance band ({@code
 * ceil(current x (1 + tolerance))}): within the band the load needs no more than that. In every
 * other case, and always when the workload is not held below its ask, the ask is the bounded
 * recommendation, as the HPA would compute it.
 */
public final class BudgetAsk {

  private final double tolerance;

  public BudgetAsk(double tolerance) {
    if (!(tolerance >= 0)) {
      throw new IllegalArgumentException("tolerance must be >= 0, got " + tolerance);
    }
    this.tolerance = tolerance;
  }

  /**
   * @param decision this round's decision
   * @param bounds the policy's {@code replicas.min..max}
   * @param previous what the policy asked in its last round, if it asked
   */
  public int replicas(Decision decision, Replicas bounds, OptionalInt previous) {
    int asked =
        decision
            .recommendation(Source.BOUNDS)
            .map(Recommendation::replicas)
            .orElse(decision.desiredReplicas());
    int current = decision.currentReplicas();
    if (!decision.toleranceHeld() || previous.isEmpty() || previous.getAsInt() <= current) {
      return asked;
    }
    // the small epsilon keeps 10 x 1.1 = 11.000000000000002 at 11
    int bandTop = (int) Math.ceil(current * (1 + tolerance) - 1e-9);
    return Math.max(asked, bounds.clamp(Math.min(previous.getAsInt(), bandTop)));
  }
}
