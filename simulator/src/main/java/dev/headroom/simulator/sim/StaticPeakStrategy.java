package dev.headroom.simulator.sim;

/**
 * A deployment provisioned for the peak: {@code max(replicas.min, ceil(peak rate / per-replica
 * capacity))} replicas from start to end, not bounded by {@code replicas.max}, each with the
 * baseline pool.
 */
public final class StaticPeakStrategy implements Strategy {

  private final Workload[] workloads;

  public StaticPeakStrategy(SimContext ctx) {
    workloads = new Workload[ctx.size()];
    for (int i = 0; i < ctx.size(); i++) {
      workloads[i] = new Workload(replicas(ctx, i), ctx.baselinePool(i));
    }
  }

  /** The static replica count for policy {@code index}. */
  public static int replicas(SimContext ctx, int index) {
    LoadModel load = ctx.load(index);
    return Math.max(
        ctx.policy(index).manifest().spec().replicas().min(),
        load.replicasFor(load.trace().peakRate()));
  }

  @Override
  public StrategyKind kind() {
    return StrategyKind.STATIC_PEAK;
  }

  @Override
  public Workload workload(int index) {
    return workloads[index];
  }

  @Override
  public void reconcile() {
    // provisioned once, never changes
  }
}
