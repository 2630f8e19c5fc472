package dev.headroom.operator.workload;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A cached Deployment or StatefulSet as a round reads it ({@link WorkloadReader}, the pool
 * deliveries): replicas, selector, rollout strategy, the pod template's annotations and each
 * container's name and env (in their order, so a JSON patch's indexes stay right), and the status
 * counters. Dropped are the rest of the template (images, probes, resources, volumes) and the
 * status conditions, which together were about three quarters of a Deployment's maps. What is kept
 * is held in immutable collections ({@link #compact}), a quarter of the size of the JSON reader's
 * linked maps; a cached target is read, never changed.
 */
final class SlimTarget {

  private SlimTarget() {}

  static GenericKubernetesResource of(GenericKubernetesResource full) {
    GenericKubernetesResource slim = new GenericKubernetesResource();
    slim.setApiVersion(full.getApiVersion());
    slim.setKind(full.getKind());
    slim.setMetadata(SlimMetadata.copy(full.getMetadata()));
    slim.getMetadata().setLabels(compactStrings(slim.getMetadata().getLabels()));
    Map<String, Object> spec = asMap(full.getAdditionalProperties().get("spec"));
    if (spec != null) {
      Map<String, Object> keptSpec = new LinkedHashMap<>();
      copy(spec, keptSpec, "replicas", "selector", "strategy", "updateStrategy");
      Map<String, Object> template = asMap(spec.get("template"));
      if (template != null) {
        keptSpec.put("template", template(template));
      }
      slim.setAdditionalProperty("spec", compact(keptSpec));
    }
    Map<String, Object> status = asMap(full.getAdditionalProperties().get("status"));
    if (status != null) {
      Map<String, Object> keptStatus = new LinkedHashMap<>(status);
      keptStatus.remove("conditions");
      slim.setAdditionalProperty("status", compact(keptStatus));
    }
    return slim;
  }

  private static Map<String, Object> template(Map<String, Object> template) {
    Map<String, Object> kept = new LinkedHashMap<>();
    Map<String, Object> meta = asMap(template.get("metadata"));
    if (meta != null && meta.get("annotations") != null) {
      kept.put("metadata", Map.of("annotations", meta.get("annotations")));
    }
    Map<String, Object> podSpec = asMap(template.get("spec"));
    if (podSpec != null && podSpec.get("containers") instanceof List<?> containers) {
      List<Map<String, Object>> keptContainers = new ArrayList<>(containers.size());
      for (Object c : containers) {
        Map<String, Object> container = asMap(c);
        Map<String, Object> keptContainer = new LinkedHashMap<>();
        if (container != null) {
          copy(container, keptContainer, "name", "env");
        }
        keptContainers.add(keptContainer);
      }
      kept.put("spec", Map.of("containers", keptContainers));
    }
    return kept;
  }

  /**
   * {@code value} with every map and list in it copied into an immutable one ({@code Map.copyOf},
   * {@code List.copyOf}). JSON nulls in maps are left out, as the API server reads them as absent;
   * map order is not kept (lists keep theirs).
   */
  static Object compact(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> kept = new HashMap<>(map.size() * 2);
      map.forEach(
          (k, v) -> {
            if (k != null && v != null) {
              kept.put(k, compact(v));
            }
          });
      return Map.copyOf(kept);
    }
    if (value instanceof List<?> list) {
      List<Object> kept = new ArrayList<>(list.size());
      for (Object v : list) {
        if (v != null) {
          kept.add(compact(v));
        }
      }
      return List.copyOf(kept);
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> compactStrings(Map<String, String> map) {
    return map == null ? null : (Map<String, String>) compact(map);
  }

  private static void copy(Map<String, Object> from, Map<String, Object> to, String... keys) {
    for (String key : keys) {
      Object value = from.get(key);
      if (value != null) {
        to.put(key, value);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object value) {
    return value instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
  }
}
