package dev.headroom.operator.workload;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import java.util.function.UnaryOperator;

/**
 * An informer's store that keeps each object without what Headroom never reads: by default the
 * heavy metadata ({@link SlimMetadata}); for targets and pods a copy holding only the fields a
 * round reads ({@link SlimTarget}, {@link SlimPod}). At 10,000 policies the full Deployments made
 * up most of the operator's heap.
 */
public class SlimItemStore<T extends HasMetadata> extends BasicItemStore<T> {

  private final UnaryOperator<T> slimmer;

  /** Keeps objects whole but for their metadata's managed fields and last-applied annotation. */
  public SlimItemStore() {
    this(SlimItemStore::trimMetadata);
  }

  public SlimItemStore(UnaryOperator<T> slimmer) {
    super(Cache::metaNamespaceKeyFunc);
    this.slimmer = slimmer;
  }

  @Override
  public T put(String key, T obj) {
    return super.put(key, slimmer.apply(obj));
  }

  /** The same object without managed fields and the last-applied annotation. */
  public static <T extends HasMetadata> T trimMetadata(T obj) {
    SlimMetadata.trim(obj.getMetadata());
    return obj;
  }
}
