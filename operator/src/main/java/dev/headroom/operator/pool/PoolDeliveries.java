package dev.headroom.operator.pool;

import dev.headroom.operator.api.v1alpha1.PoolDeliverySpec;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;

/** Builds the delivery a policy names. */
public final class PoolDeliveries {

  private PoolDeliveries() {}

  /**
   * @param now the round's time, against which a ConfigMap change is judged applied or not
   * @param configMapApplyTime how long a ConfigMap change takes to reach every pod
   */
  public static PoolDelivery of(
      KubernetesClient client,
      String namespace,
      PoolDeliverySpec spec,
      Instant now,
      Duration configMapApplyTime) {
    return switch (spec.getType()) {
      case ENV -> new EnvPoolDelivery(client, spec.getContainer(), spec.getEnvName());
      case ANNOTATION -> new AnnotationPoolDelivery(client, spec.getKey());
      case CONFIG_MAP ->
          new ConfigMapPoolDelivery(
              client, namespace, spec.getConfigMapName(), spec.getKey(), now, configMapApplyTime);
    };
  }
}
