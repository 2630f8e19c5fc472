package dev.headroom.operator.pool;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.OptionalInt;

/** How the pool size reaches the pods of a workload, and how to read back what they run. */
public interface PoolDelivery {

  /** The pool the workload gives its pods now (template or ConfigMap), if set. */
  OptionalInt desiredPool(GenericKubernetesResource target);

  /** The pool one pod runs, given the pool the workload gives its pods now. */
  OptionalInt podPool(Pod pod, OptionalInt desiredPool);

  /**
   * True while pods may still run another pool than the desired one although no rollout shows it (a
   * ConfigMap change not yet applied everywhere): the round polls until it is over.
   */
  default boolean settling() {
    return false;
  }

  /** True when a change restarts pods through a rollout (old and new pods coexist). */
  boolean restartsPods();

  /** Writes the pool size. Must change nothing but the configured field. */
  void apply(GenericKubernetesResource target, int pool);

  /** Human-readable place, e.g. {@code env DB_POOL_SIZE of container app}. */
  String describe();
}
