package dev.headroom.testbed.connections;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Reads the pool one pod runs from the same places the operator's pool deliveries write it: an
 * environment variable of a container (any container that sets it), else a pod annotation. A value
 * that is no positive integer is no pool.
 */
public record PodPoolReader(String envName, String annotationKey) {

  public OptionalInt pool(Pod pod) {
    if (pod.getSpec() != null && pod.getSpec().getContainers() != null) {
      for (Container c : pod.getSpec().getContainers()) {
        if (c.getEnv() == null) {
          continue;
        }
        for (EnvVar var : c.getEnv()) {
          if (envName.equals(var.getName())) {
            return parse(var.getValue());
          }
        }
      }
    }
    Map<String, String> annotations =
        pod.getMetadata() == null ? null : pod.getMetadata().getAnnotations();
    return annotations == null ? OptionalInt.empty() : parse(annotations.get(annotationKey));
  }

  /** True while the pod should hold its pool: Running and not being deleted. */
  public static boolean holds(Pod pod) {
    return pod.getMetadata().getDeletionTimestamp() == null
        && pod.getStatus() != null
        && "Running".equals(pod.getStatus().getPhase());
  }

  private static OptionalInt parse(String value) {
    if (value == null) {
      return OptionalInt.empty();
    }
    try {
      int n = Integer.parseInt(value.trim());
      return n > 0 ? OptionalInt.of(n) : OptionalInt.empty();
    } catch (NumberFormatException e) {
      return OptionalInt.empty();
    }
  }
}
