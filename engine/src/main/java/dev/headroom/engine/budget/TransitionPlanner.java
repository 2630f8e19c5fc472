package dev.headroom.engine.budget;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Plans the way from the current consumer states to their targets without ever breaking the budget
 * invariant (see {@link BudgetInvariant}).
 *
 * <p>Each consumer's change is split into a shrinking part (to {@code min} of old and new replicas
 * and {@code min} of old and new pool) and a growing part (from there to the target). Phase 1 holds
 * every shrink: a shrink never holds more than the consumer holds now, so the phase is safe
 * whatever runs beside it. The host waits until it has observed phase 1 done. Phase 2 holds the
 * grows, admitted one by one in consumer-id order while they fit; a grow that does not fit entirely
 * is trimmed (fewer replicas at the target pool, or the old replicas with a smaller pool increase)
 * or deferred — never applied past the budget.
 */
public final class TransitionPlanner {

  public TransitionPlan plan(
      long available, List<ConsumerState> current, List<TargetState> targets) {
    Map<String, ConsumerState> states = new TreeMap<>();
    for (ConsumerState state : current) {
      states.put(state.id(), state);
    }
    Map<String, TargetState> wanted = new TreeMap<>();
    for (TargetState target : targets) {
      if (states.containsKey(target.id())) {
        wanted.put(target.id(), target);
      }
    }
    boolean startsWithinBudget = BudgetInvariant.holds(available, states.values());

    List<TransitionStep> steps = new ArrayList<>();
    Map<String, ConsumerState> afterShrink = new TreeMap<>(states);
    for (TargetState target : wanted.values()) {
      ConsumerState now = states.get(target.id());
      int heading = now.poolInRollout();
      int shrunkReplicas = Math.min(now.replicas(), target.replicas());
      int shrunkPool = Math.min(heading, target.pool());
      if (shrunkReplicas < now.replicas() || shrunkPool < heading) {
        steps.add(
            new TransitionStep(
                1,
                StepKind.SHRINK,
                now.id(),
                now.replicas(),
                shrunkReplicas,
                heading,
                shrunkPool,
                false));
        afterShrink.put(
            now.id(), ConsumerState.steady(now.id(), shrunkReplicas, now.maxSurge(), shrunkPool));
      }
    }

    int growPhase = steps.isEmpty() ? 1 : 2;
    long usage = BudgetInvariant.usage(afterShrink.values());
    List<DeferredChange> deferred = new ArrayList<>();
    for (TargetState target : wanted.values()) {
      ConsumerState from = afterShrink.get(target.id());
      int fromPool = from.poolInRollout();
      if (target.replicas() <= from.replicas() && target.pool() <= fromPool) {
        continue;
      }
      long room = available - (usage - from.footprint());
      Grow grow = fit(from, target, room);
      if (grow == null) {
        deferred.add(
            new DeferredChange(
                target.id(),
                target.replicas(),
                target.pool(),
                "does not fit the budget until other consumers have come down"));
        continue;
      }
      boolean trimmed = grow.replicas() != target.replicas() || grow.pool() != target.pool();
      if (trimmed) {
        deferred.add(
            new DeferredChange(
                target.id(),
                target.replicas(),
                target.pool(),
                "trimmed to "
                    + grow.replicas()
                    + " replicas x pool "
                    + grow.pool()
                    + " to fit the budget"));
      }
      steps.add(
          new TransitionStep(
              growPhase,
              StepKind.GROW,
              target.id(),
              from.replicas(),
              grow.replicas(),
              fromPool,
              grow.pool(),
              trimmed));
      ConsumerState grown =
          new ConsumerState(
              target.id(),
              Math.max(from.replicas(), grow.replicas()),
              from.maxSurge(),
              from.poolOnPods(),
              grow.pool());
      usage += grown.footprint() - from.footprint();
    }
    steps.sort(
        Comparator.comparingInt(TransitionStep::phase).thenComparing(TransitionStep::consumerId));
    return new TransitionPlan(available, steps, deferred, startsWithinBudget);
  }

  private record Grow(int replicas, int pool) {}

  /** The largest grow towards {@code target} whose in-flight footprint fits {@code room}. */
  private static Grow fit(ConsumerState from, TargetState target, long room) {
    int fromPool = from.poolInRollout();
    int toReplicas = Math.max(from.replicas(), target.replicas());
    int toPool = Math.max(fromPool, target.pool());
    int surge = from.maxSurge();
    if (inFlight(from, toReplicas, toPool) <= room) {
      return new Grow(toReplicas, toPool);
    }
    // Fewer replicas at the target pool.
    long byPool = toPool > 0 ? room / toPool - surge : toReplicas;
    int replicas = (int) Math.min(toReplicas, byPool);
    if (replicas >= from.replicas()
        && replicas > 0
        && (replicas > from.replicas() || toPool > fromPool)
        && inFlight(from, replicas, toPool) <= room) {
      return new Grow(replicas, toPool);
    }
    // The old replicas with a smaller pool increase.
    if (from.replicas() > 0 && toPool > fromPool) {
      long pool = Math.min(toPool, room / ((long) from.replicas() + surge));
      if (pool > fromPool && inFlight(from, from.replicas(), (int) pool) <= room) {
        return new Grow(from.replicas(), (int) pool);
      }
    }
    return null;
  }

  private static long inFlight(ConsumerState from, int replicas, int pool) {
    return BudgetInvariant.footprint(
        Math.max(from.replicas(), replicas),
        from.maxSurge(),
        Math.max(Math.max(from.poolOnPods(), from.poolInRollout()), pool));
  }
}
