package dev.headroom.operator.it.faults;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One randomized scenario, fully determined by its seed: 2-4 budgets with 2-5 consumers each, and a
 * timeline of load changes, NaN answers and user edits during the fault phase, then the loads that
 * hold while it converges.
 */
public record Scenario(int index, long seed, List<Budget> budgets, List<Step> steps) {

  /** A ConnectionBudget: {@code maxConnections}, {@code reserved}, its consumers. */
  public record Budget(String name, int max, int reserved, List<Consumer> consumers) {}

  /** A Deployment and its ScalingPolicy; {@code schedule} adds a Europe/Berlin window. */
  public record Consumer(
      String name, int replicasMax, int poolMin, int poolMax, boolean schedule, double finalLoad) {}

  public enum Action {
    /** set the consumer's load to {@code a} */
    LOAD,
    /** the consumer's load answers NaN until its next LOAD */
    NAN,
    /** replicas.max := a */
    POLICY_MAX,
    /** poolSize := [a, b] */
    POOL_RANGE,
    /** maxConnections := a (within what the guarantees need) */
    BUDGET_LIMIT,
    /** maxConnections := below what is in use now, computed when it happens */
    BUDGET_BELOW_USAGE
  }

  /** What happens {@code atMillis} after the fault phase starts. */
  public record Step(
      long atMillis, Action action, String budget, String consumer, int a, int b, double load) {}

  /** Highest pool minimum an edit may set: keeps every budget's guarantees within its limit. */
  static final int POOL_MIN_CEILING = 4;

  /** Lowest maxConnections a budget gets, and the largest reserve. */
  static final int LIMIT_FLOOR = 50;

  static final int RESERVED_CEILING = 10;

  /** How long before a limit is lowered below usage its consumers go to full load. */
  static final long BELOW_USAGE_LEAD_MILLIS = 14_000;

  /**
   * More than the guaranteed minimum a budget must hold, whatever the edits: (a schedule's replica
   * floor 2 + surge 1) × the highest pool minimum, per consumer.
   */
  static int guarantees(int consumers) {
    return consumers * 3 * POOL_MIN_CEILING;
  }

  public static Scenario generate(int index, long runSeed, long faultPhaseMillis) {
    long seed =
        new SplittableRandom(runSeed).split().nextLong() ^ (0x9E3779B97F4A7C15L * (index + 1));
    SplittableRandom r = new SplittableRandom(seed);
    List<Budget> budgets = new ArrayList<>();
    int budgetCount = r.nextInt(2, 5);
    for (int b = 0; b < budgetCount; b++) {
      List<Consumer> consumers = new ArrayList<>();
      int consumerCount = r.nextInt(2, 6);
      for (int c = 0; c < consumerCount; c++) {
        consumers.add(
            new Consumer(
                "b" + b + "-c" + c,
                r.nextInt(3, 7),
                r.nextInt(2, POOL_MIN_CEILING + 1),
                r.nextInt(6, 13),
                r.nextInt(3) == 0,
                r.nextInt(0, 90)));
      }
      int reserved = r.nextInt(0, RESERVED_CEILING + 1);
      int floor = Math.max(LIMIT_FLOOR, guarantees(consumerCount)) + reserved;
      budgets.add(
          new Budget("pg" + b, r.nextInt(floor, floor + 80), reserved, List.copyOf(consumers)));
    }
    List<Step> steps = new ArrayList<>();
    for (Budget b : budgets) {
      for (Consumer c : b.consumers()) {
        // initial load, then a change every 3-8 s
        steps.add(new Step(0, Action.LOAD, b.name(), c.name(), 0, 0, r.nextInt(0, 90)));
        for (long t = r.nextLong(2000, 8000);
            t < faultPhaseMillis - 1000;
            t += r.nextLong(3000, 8000)) {
          if (r.nextInt(8) == 0) {
            steps.add(new Step(t, Action.NAN, b.name(), c.name(), 0, 0, Double.NaN));
          } else {
            steps.add(new Step(t, Action.LOAD, b.name(), c.name(), 0, 0, r.nextInt(0, 120)));
          }
        }
      }
    }
    int edits = r.nextInt(2, 6);
    for (int e = 0; e < edits; e++) {
      long t = r.nextLong(3000, Math.max(3001, faultPhaseMillis - 3000));
      Budget b = budgets.get(r.nextInt(budgets.size()));
      Consumer c = b.consumers().get(r.nextInt(b.consumers().size()));
      switch (r.nextInt(4)) {
        case 0 ->
            steps.add(new Step(t, Action.POLICY_MAX, b.name(), c.name(), r.nextInt(2, 8), 0, 0));
        case 1 -> {
          int min = r.nextInt(1, POOL_MIN_CEILING + 1);
          steps.add(
              new Step(
                  t,
                  Action.POOL_RANGE,
                  b.name(),
                  c.name(),
                  min,
                  r.nextInt(Math.max(min, 5), 13),
                  0));
        }
        case 2 ->
            steps.add(
                new Step(
                    t,
                    Action.BUDGET_LIMIT,
                    b.name(),
                    null,
                    r.nextInt(
                        Math.max(LIMIT_FLOOR, guarantees(b.consumers().size())) + b.reserved(),
                        160),
                    0,
                    0));
        default -> {
          // Every consumer of the budget goes to full load first, so that usage is well above
          // the guarantees when the limit drops below it.
          // Every consumer of the budget goes to full load first and stays there until the limit
          // drops, so that usage is well above the guarantees when it does.
          long at = Math.min(Math.max(t, faultPhaseMillis * 7 / 10), faultPhaseMillis - 2000);
          long raise = Math.max(1000, at - BELOW_USAGE_LEAD_MILLIS);
          steps.removeIf(
              s ->
                  b.name().equals(s.budget())
                      && s.consumer() != null
                      && (s.action() == Action.LOAD || s.action() == Action.NAN)
                      && s.atMillis() >= raise
                      && s.atMillis() <= at);
          for (Consumer x : b.consumers()) {
            steps.add(new Step(raise, Action.LOAD, b.name(), x.name(), 0, 0, 120));
          }
          steps.add(new Step(at, Action.BUDGET_BELOW_USAGE, b.name(), null, 0, 0, 0));
        }
      }
    }
    steps.sort(Comparator.comparingLong(Step::atMillis));
    return new Scenario(index, seed, List.copyOf(budgets), List.copyOf(steps));
  }

  public int consumerCount() {
    return budgets.stream().mapToInt(b -> b.consumers().size()).sum();
  }
}
