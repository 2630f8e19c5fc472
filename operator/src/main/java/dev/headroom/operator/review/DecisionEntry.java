package dev.headroom.operator.review;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything one round of a policy decided, with every input it decided from: what the decision log
 * writes as one JSON line and what the timeline keeps.
 *
 * @param outcome {@code applied}, {@code waiting}, {@code dry_run}, {@code held} or {@code none}
 * @param load the value read per load signal (signal name to value); missing signals are absent
 * @param inputs the recommendation of every source
 * @param reasons the engine's full explanation, one sentence per entry, never cut
 * @param actions what was written to the target this round (empty when nothing was)
 * @param inUseBound upper bound of the connections the workload holds, when it has a pool
 */
public record DecisionEntry(
    Instant time,
    String namespace,
    String policy,
    String target,
    String mode,
    String outcome,
    int currentReplicas,
    int readyReplicas,
    int requestedReplicas,
    int desiredReplicas,
    Integer fromPool,
    Integer pool,
    String budget,
    Integer grant,
    Long inUseBound,
    String winner,
    String limitedBy,
    Map<String, Double> load,
    List<SourceInput> inputs,
    List<String> reasons,
    List<String> actions) {

  public DecisionEntry {
    load = Map.copyOf(load);
    inputs = List.copyOf(inputs);
    reasons = List.copyOf(reasons);
    actions = List.copyOf(actions);
  }

  /** One source's recommendation, as the engine explained it. */
  public record SourceInput(String source, int replicas, String detail) {}

  /** {@code namespace/name} of the policy. */
  public String policyId() {
    return namespace + "/" + policy;
  }

  /**
   * The same round without its explanation and inputs: the numbers a chart draws. Texts equal to
   * those of {@code previous} are taken from it, so a policy's rounds share one copy of each.
   */
  public DecisionEntry numbersOnly(DecisionEntry previous) {
    if (previous == null) {
      return new DecisionEntry(
          time,
          namespace,
          policy,
          target,
          mode,
          outcome,
          currentReplicas,
          readyReplicas,
          requestedReplicas,
          desiredReplicas,
          fromPool,
          pool,
          budget,
          grant,
          inUseBound,
          winner,
          limitedBy,
          load,
          List.of(),
          List.of(),
          actions);
    }
    return new DecisionEntry(
        time,
        same(namespace, previous.namespace),
        same(policy, previous.policy),
        same(target, previous.target),
        same(mode, previous.mode),
        same(outcome, previous.outcome),
        currentReplicas,
        readyReplicas,
        requestedReplicas,
        desiredReplicas,
        fromPool,
        pool,
        same(budget, previous.budget),
        grant,
        inUseBound,
        same(winner, previous.winner),
        same(limitedBy, previous.limitedBy),
        load.equals(previous.load) ? previous.load : load,
        List.of(),
        List.of(),
        actions);
  }

  private static String same(String mine, String theirs) {
    return mine != null && mine.equals(theirs) ? theirs : mine;
  }

  /** Whether this round changed something, or would have in DryRun. */
  public boolean changed() {
    return !actions.isEmpty();
  }
}
