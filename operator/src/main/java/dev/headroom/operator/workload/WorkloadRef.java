package dev.headroom.operator.workload;

import dev.headroom.operator.api.v1alpha1.TargetRef;

/** A workload with a scale subresource, by namespace, API version, kind and name. */
public record WorkloadRef(String namespace, String apiVersion, String kind, String name) {

  public static WorkloadRef of(String namespace, TargetRef ref) {
    return new WorkloadRef(namespace, ref.getApiVersion(), ref.getKind(), ref.getName());
  }

  @Override
  public String toString() {
    return kind + " " + namespace + "/" + name;
  }
}
