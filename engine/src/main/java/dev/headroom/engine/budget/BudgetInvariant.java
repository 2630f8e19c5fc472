package dev.headroom.engine.budget;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The budget invariant: {@code sum over consumers of (replicas + maxSurge) x max(pool_old,
 * pool_new) <= maxConnections - reserved}, at every moment, rollouts included.
 */
public final class BudgetInvariant {

  private BudgetInvariant() {}

  /**
   * Connections a consumer may hold: {@code (replicas + maxSurge) x pool}, and zero at zero
   * replicas (no pods, nothing to surge).
   */
  public static long footprint(int replicas, int maxSurge, int pool) {
    if (replicas <= 0) {
      return 0;
    }
    return ((long) replicas + Math.max(0, maxSurge)) * Math.max(0, pool);
  }

  public static long usage(Collection<ConsumerState> states) {
    long total = 0;
    for (ConsumerState state : states) {
      total += state.footprint();
    }
    return total;
  }

  public static boolean holds(long available, Collection<ConsumerState> states) {
    return usage(states) <= available;
  }

  /**
   * Every state the plan passes through: the start, then for each phase the state while its steps
   * are in flight and the state once they are done.
   */
  public static List<List<ConsumerState>> states(List<ConsumerState> current, TransitionPlan plan) {
    Map<String, ConsumerState> now = new LinkedHashMap<>();
    for (ConsumerState state : current) {
      now.put(state.id(), state);
    }
    List<List<ConsumerState>> states = new ArrayList<>();
    states.add(List.copyOf(now.values()));
    for (int phase = 1; phase <= plan.phases(); phase++) {
      Map<String, ConsumerState> during = new LinkedHashMap<>(now);
      Map<String, ConsumerState> after = new LinkedHashMap<>(now);
      for (TransitionStep step : plan.phase(phase)) {
        ConsumerState before = now.get(step.consumerId());
        int oldPool = Math.max(before.poolOnPods(), before.poolInRollout());
        during.put(
            step.consumerId(),
            new ConsumerState(
                step.consumerId(),
                Math.max(step.fromReplicas(), step.toReplicas()),
                before.maxSurge(),
                oldPool,
                step.toPool()));
        after.put(
            step.consumerId(),
            ConsumerState.steady(
                step.consumerId(), step.toReplicas(), before.maxSurge(), step.toPool()));
      }
      states.add(List.copyOf(during.values()));
      states.add(List.copyOf(after.values()));
      now = after;
    }
    return states;
  }

  /** Whether every state of the plan satisfies the invariant. */
  public static boolean holdsThroughout(List<ConsumerState> current, TransitionPlan plan) {
    for (List<ConsumerState> state : states(current, plan)) {
      if (!holds(plan.available(), state)) {
        return false;
      }
    }
    return true;
  }
}
