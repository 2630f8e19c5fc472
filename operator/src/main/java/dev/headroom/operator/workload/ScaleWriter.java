package dev.headroom.operator.workload;

import io.fabric8.kubernetes.api.model.autoscaling.v1.Scale;
import io.fabric8.kubernetes.client.KubernetesClient;

/** Sets replicas through the scale subresource, the only write Headroom makes to replicas. */
public final class ScaleWriter {

  private final KubernetesClient client;

  public ScaleWriter(KubernetesClient client) {
    this.client = client;
  }

  public void scale(WorkloadRef ref, int replicas) {
    var resource =
        client
            .genericKubernetesResources(ref.apiVersion(), ref.kind())
            .inNamespace(ref.namespace())
            .withName(ref.name());
    Scale scale = resource.scale();
    scale.getSpec().setReplicas(replicas);
    resource.scale(scale);
  }
}
