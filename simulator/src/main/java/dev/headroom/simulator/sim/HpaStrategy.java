package dev.headroom.simulator.sim;

import dev.headroom.engine.hpa.BehaviorNormalizer;
import dev.headroom.engine.hpa.MetricProposal;
import dev.headroom.engine.hpa.Normalization;
import dev.headroom.engine.hpa.ReplicaCalculator;
import dev.headroom.engine.model.Behavior;
import dev.headroom.engine.model.Replicas;
import dev.headroom.engine.model.ScalingHistory;
import java.time.Instant;

/**
 * The HPA-faithful baseline: the Kubernetes HPA v2 on the same metric and target as the policy, as
 * an External metric with an {@code AverageValue} target (the rate divided by the current replicas,
 * tolerance 0.1), then {@code behavior} with the HPA v2 defaults and the policy's {@code
 * replicas.min}/{@code max}. No budget, no schedules; each pod runs the baseline pool.
 *
 * <p>Built from the engine's HPA pieces ({@link ReplicaCalculator}, {@link BehaviorNormalizer}), in
 * the order of the HPA controller: a current count outside the bounds goes to the bound, otherwise
 * stabilization, rate policies and bounds apply, and a change is stored as a scale event.
 */
public final class HpaStrategy implements Strategy {

  private final SimContext ctx;
  private final ReplicaCalculator calculator =
      new ReplicaCalculator(ReplicaCalculator.DEFAULT_TOLERANCE);
  private final BehaviorNormalizer normalizer = new BehaviorNormalizer();
  private final Behavior behavior = Behavior.defaults();
  private final Workload[] workloads;
  private final ScalingHistory[] histories;
  private final double[] targets;

  public HpaStrategy(SimContext ctx) {
    this.ctx = ctx;
    int n = ctx.size();
    workloads = new Workload[n];
    histories = new ScalingHistory[n];
    targets = new double[n];
    for (int i = 0; i < n; i++) {
      workloads[i] = new Workload(ctx.initialReplicas(i), ctx.baselinePool(i));
      histories[i] = ScalingHistory.empty();
      targets[i] = target(ctx, i);
    }
  }

  /** The per-replica target: the fed signal's, else the capacity model's rate per replica. */
  static double target(SimContext ctx, int index) {
    return ctx.policy(index)
        .manifest()
        .fedSignal()
        .map(s -> s.target())
        .orElse(ctx.load(index).plannedPerReplica());
  }

  @Override
  public StrategyKind kind() {
    return StrategyKind.HPA;
  }

  @Override
  public Workload workload(int index) {
    return workloads[index];
  }

  @Override
  public void reconcile() {
    long now = ctx.clock().epochSecond();
    Instant at = ctx.clock().instant();
    for (int i = 0; i < workloads.length; i++) {
      Workload w = workloads[i];
      Replicas bounds = ctx.policy(i).manifest().spec().replicas();
      int current = w.replicas();
      MetricProposal proposal =
          calculator.averageValue(current, ctx.load(i).observedRate(now), targets[i]);
      int desired;
      if (current > bounds.max()) {
        desired = bounds.max();
      } else if (current < bounds.min()) {
        desired = bounds.min();
      } else {
        Normalization n =
            normalizer.normalize(
                behavior,
                bounds.min(),
                bounds.max(),
                current,
                proposal.replicas(),
                histories[i],
                at);
        desired = n.desiredReplicas();
        histories[i] = n.history();
      }
      if (desired != current) {
        histories[i] = normalizer.recordScaleEvent(histories[i], behavior, current, desired, at);
        w.pods().scaleTo(desired, now, ctx.startupSeconds());
      }
    }
  }
}
