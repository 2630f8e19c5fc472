package dev.headroom.operator.workload;

import dev.headroom.engine.transition.WorkloadShape;
import java.util.List;
import java.util.OptionalInt;

/**
 * One consistent read of a target: its scale, its pods and the pool size each runs.
 *
 * @param specReplicas replicas the workload asks for (scale spec)
 * @param readyReplicas pods ready to serve
 * @param maxSurge extra pods a rollout may add at the current replica count
 * @param templatePool pool size the workload gives new pods, if it sets one
 * @param rolloutInProgress old and new pod templates may coexist, or pods may still run another
 *     pool than the desired one (a ConfigMap change within its apply time)
 * @param uid the workload's uid, for Events about it
 */
public record WorkloadSnapshot(
    WorkloadRef ref,
    int specReplicas,
    int readyReplicas,
    String selector,
    int maxSurge,
    OptionalInt templatePool,
    List<PodView> pods,
    boolean rolloutInProgress,
    Object maxSurgeSpec,
    String uid) {

  /**
   * Surge pods at {@code replicas}: a percentage grows with the replica count, so a scale-up must
   * be fitted with the surge of the count it scales to, not the count it scales from.
   */
  public int surgeAt(int replicas) {
    return SurgeCalculator.resolve(maxSurgeSpec, replicas);
  }

  /** The same snapshot, counting {@code surge} surge pods. */
  public WorkloadSnapshot withMaxSurge(int surge) {
    return new WorkloadSnapshot(
        ref,
        specReplicas,
        readyReplicas,
        selector,
        surge,
        templatePool,
        pods,
        rolloutInProgress,
        maxSurgeSpec,
        uid);
  }

  public long terminatingPods() {
    return pods.stream().filter(PodView::terminating).count();
  }

  public long livePods() {
    return pods.size() - terminatingPods();
  }

  /**
   * Largest pool any pod runs or new pods will get. A pool that is not known (no env var, no
   * annotation yet) counts as {@code unknownPool}, the policy's largest pool.
   */
  public int largestPool(int unknownPool) {
    int largest = templatePool.orElse(unknownPool);
    for (PodView pod : pods) {
      largest = Math.max(largest, pod.pool().orElse(unknownPool));
    }
    return largest;
  }

  /**
   * The engine's view of this workload, a pool that is not known counted as {@code unknownPool}.
   */
  public WorkloadShape shape(int unknownPool) {
    return new WorkloadShape(
        specReplicas,
        livePods(),
        terminatingPods(),
        maxSurge,
        largestPool(unknownPool),
        rolloutInProgress);
  }

  /**
   * Upper bound of the connections this workload can hold right now ({@link WorkloadShape#bound}):
   * the left side of the budget invariant for one consumer.
   */
  public long connectionsBound(int fallbackPool) {
    return shape(fallbackPool).bound();
  }

  /** Connections the pods hold at most at this instant: the sum of their pools. */
  public long connectionsNow(int fallbackPool) {
    return pods.stream().mapToLong(p -> p.pool().orElse(fallbackPool)).sum();
  }
}
