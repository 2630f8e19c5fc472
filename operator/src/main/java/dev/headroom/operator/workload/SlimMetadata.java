package dev.headroom.operator.workload;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.HashMap;
import java.util.Map;

/**
 * The metadata a cached object keeps: identity, version, labels and annotations. Dropped are what
 * Headroom never reads and what weighs most: {@code managedFields} (server-side apply's field
 * ownership, a tree of maps per manager) and the {@code
 * kubectl.kubernetes.io/last-applied-configuration} annotation (a second copy of the object as
 * text), and owner references and finalizers. A status write never sends a cached policy's missing
 * managedFields back (the API server leaves an absent field as it is).
 */
public final class SlimMetadata {

  static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

  private SlimMetadata() {}

  /** {@code meta} without managed fields and the last-applied annotation, changed in place. */
  public static void trim(ObjectMeta meta) {
    if (meta == null) {
      return;
    }
    meta.setManagedFields(null);
    meta.setAnnotations(withoutLastApplied(meta.getAnnotations()));
  }

  /** A new metadata with identity, version, labels, annotations and deletion time only. */
  public static ObjectMeta copy(ObjectMeta meta) {
    ObjectMeta kept = new ObjectMeta();
    if (meta == null) {
      return kept;
    }
    kept.setName(meta.getName());
    kept.setNamespace(meta.getNamespace());
    kept.setUid(meta.getUid());
    kept.setResourceVersion(meta.getResourceVersion());
    kept.setGeneration(meta.getGeneration());
    kept.setCreationTimestamp(meta.getCreationTimestamp());
    kept.setDeletionTimestamp(meta.getDeletionTimestamp());
    kept.setLabels(meta.getLabels());
    kept.setAnnotations(withoutLastApplied(meta.getAnnotations()));
    kept.setManagedFields(null);
    kept.setOwnerReferences(null);
    kept.setFinalizers(null);
    return kept;
  }

  private static Map<String, String> withoutLastApplied(Map<String, String> annotations) {
    if (annotations == null || !annotations.containsKey(LAST_APPLIED)) {
      return annotations;
    }
    Map<String, String> kept = new HashMap<>(annotations);
    kept.remove(LAST_APPLIED);
    return kept;
  }
}
