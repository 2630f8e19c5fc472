package dev.headroom.testbed.connections;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;

/**
 * The database role a pod logs in as: the value of the environment variable {@code envName} in
 * any container that sets it, else {@code fallback}. Lets a test give each budget its own role,
 * so that {@code pg_stat_activity} counts every budget's connections apart. A blank value is no
 * role.
 */
public record PodRoleReader(String envName, String fallback) {

  public String role(Pod pod) {
    if (pod.getSpec() != null && pod.getSpec().getContainers() != null) {
      for (Container c : pod.getSpec().getContainers()) {
        if (c.getEnv() == null) {
          continue;
        }
        for (EnvVar var : c.getEnv()) {
          if (envName.equals(var.getName()) && var.getValue() != null && !var.getValue().isBlank()) {
            return var.getValue().trim();
          }
        }
      }
    }
    return fallback;
  }
}
