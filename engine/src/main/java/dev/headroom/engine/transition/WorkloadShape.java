package dev.headroom.engine.transition;

/**
 * One consistent read of a workload, as far as its connections go.
 *
 * @param specReplicas replicas the workload asks for (its scale spec)
 * @param livePods pods that run and are not terminating
 * @param terminatingPods pods on their way out, still holding their pool
 * @param maxSurge extra pods a rollout may add at the current replica count
 * @param largestPool largest pool in play: the pool any pod runs or new pods will get, an unknown
 *     one counted as the policy's largest pool
 * @param rolloutInProgress old and new pod templates may coexist
 */
public record WorkloadShape(
    int specReplicas,
    long livePods,
    long terminatingPods,
    int maxSurge,
    int largestPool,
    boolean rolloutInProgress) {

  public WorkloadShape {
    if (specReplicas < 0
        || livePods < 0
        || terminatingPods < 0
        || maxSurge < 0
        || largestPool < 0) {
      throw new IllegalArgumentException(
          "a workload shape counts nothing below zero: "
              + specReplicas
              + " replicas, "
              + livePods
              + " live, "
              + terminatingPods
              + " terminating, surge "
              + maxSurge
              + ", pool "
              + largestPool);
    }
  }

  /**
   * Upper bound of the connections the workload can hold now: every pod the controller may keep or
   * create (replicas + surge, no surge at zero replicas, or more while scaling in) plus pods still
   * terminating, each at the largest pool in play. The left side of the budget invariant for one
   * consumer.
   */
  public long bound() {
    return boundAfter(specReplicas, largestPool);
  }

  /**
   * Pods the budget accounts for the workload: its replicas plus the surge a rollout may add, none
   * at zero replicas (see {@link #boundAfter}).
   */
  public long accountedPods() {
    return planned(specReplicas);
  }

  /**
   * Live pods beyond {@link #accountedPods()}: the controllers have not caught up with the last
   * change yet (a ReplicaSet still scaling in during a rollout). Nothing grows while there are any.
   */
  public long podsAboveAccounted() {
    return Math.max(0, livePods - accountedPods());
  }

  /** The bound with {@code replicas} and a new pool {@code newPool} next to the pools in play. */
  public long boundAfter(int replicas, int newPool) {
    // A workload at zero replicas never surges: the Deployment controller keeps a new ReplicaSet
    // at or below spec.replicas and scales the old ones down, so at zero no pod is created. The
    // budget's own footprint counts it the same way (BudgetInvariant.footprint); counting surge
    // here left every consumer scaled to zero above its grant of 0, SHRINKING for ever.
    long pods = Math.max(livePods, planned(replicas)) + terminatingPods;
    return pods * Math.max(largestPool, newPool);
  }

  private long planned(int replicas) {
    return replicas > 0 ? (long) replicas + maxSurge : 0;
  }
}
