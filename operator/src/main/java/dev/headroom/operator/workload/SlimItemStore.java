package dev.headroom.operator.workload;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import java.util.HashMap;
import java.util.Map;

/**
 * An informer's store that keeps objects without what Headroom never reads and what weighs most:
 * {@code metadata.managedFields} (server-side apply's field ownership, a tree of maps per manager)
 * and the {@code kubectl.kubernetes.io/last-applied-configuration} annotation (a second copy of the
 * object as text). At 1,000 policies these made up most of the operator's heap; a status write
 * never sends them back (an absent managedFields is left as it is by the API server).
 */
public class SlimItemStore<T extends HasMetadata> extends BasicItemStore<T> {

  static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

  public SlimItemStore() {
    super(Cache::metaNamespaceKeyFunc);
  }

  @Override
  public T put(String key, T obj) {
    return super.put(key, slim(obj));
  }

  /** The same object without managed fields and the last-applied annotation. */
  public static <T extends HasMetadata> T slim(T obj) {
    ObjectMeta meta = obj.getMetadata();
    if (meta != null) {
      meta.setManagedFields(null);
      Map<String, String> annotations = meta.getAnnotations();
      if (annotations != null && annotations.containsKey(LAST_APPLIED)) {
        Map<String, String> kept = new HashMap<>(annotations);
        kept.remove(LAST_APPLIED);
        meta.setAnnotations(kept);
      }
    }
    return obj;
  }
}
