package dev.headroom.operator.pool;

import dev.headroom.operator.api.v1alpha1.PoolDeliverySpec;
import io.fabric8.kubernetes.client.KubernetesClient;

/** Builds the delivery a policy names. */
public final class PoolDeliveries {

  private PoolDeliveries() {}

  public static PoolDelivery of(KubernetesClient client, String namespace, PoolDeliverySpec spec) {
    return switch (spec.getType()) {
      case ENV -> new EnvPoolDelivery(client, spec.getContainer(), spec.getEnvName());
      case ANNOTATION -> new AnnotationPoolDelivery(client, spec.getKey());
      case CONFIG_MAP ->
          new ConfigMapPoolDelivery(client, namespace, spec.getConfigMapName(), spec.getKey());
    };
  }
}
