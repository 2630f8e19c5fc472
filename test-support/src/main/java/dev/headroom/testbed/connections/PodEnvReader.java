package dev.headroom.testbed.connections;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.Optional;

/**
 * One connection setting a pod names for itself in the environment variable {@code envName} of any
 * container that sets it: the role it logs in as ({@code DB_USER}), so that a test can give each
 * budget its own role and count it apart in {@code pg_stat_activity}, or the server it connects to
 * ({@code DB_URL}, e.g. PgBouncer instead of PostgreSQL). A blank value is none.
 */
public record PodEnvReader(String envName) {

  public Optional<String> value(Pod pod) {
    if (pod.getSpec() != null && pod.getSpec().getContainers() != null) {
      for (Container c : pod.getSpec().getContainers()) {
        if (c.getEnv() == null) {
          continue;
        }
        for (EnvVar var : c.getEnv()) {
          if (envName.equals(var.getName())
              && var.getValue() != null
              && !var.getValue().isBlank()) {
            return Optional.of(var.getValue().trim());
          }
        }
      }
    }
    return Optional.empty();
  }
}
