package dev.headroom.operator.policy;

import dev.headroom.operator.pool.PoolDelivery;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/** A pool delivery through the pod template (a change rolls pods) that records what it wrote. */
final class RecordingPoolDelivery implements PoolDelivery {

  final List<Integer> written = new ArrayList<>();

  @Override
  public OptionalInt desiredPool(GenericKubernetesResource target) {
    return OptionalInt.empty();
  }

  @Override
  public OptionalInt podPool(Pod pod, OptionalInt desiredPool) {
    return desiredPool;
  }

  @Override
  public boolean restartsPods() {
    return true;
  }

  @Override
  public void apply(GenericKubernetesResource target, int pool) {
    written.add(pool);
  }

  @Override
  public String describe() {
    return "env DB_POOL_SIZE of container app";
  }
}
