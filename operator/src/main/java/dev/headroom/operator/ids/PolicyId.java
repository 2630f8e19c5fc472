package dev.headroom.operator.ids;

import dev.headroom.operator.api.v1alpha1.ScalingPolicy;
import java.util.Objects;

/**
 * A ScalingPolicy by namespace and name: how a budget names its consumers (in {@code
 * status.consumers[].policy}, in grants and in the engine's demands, as {@code namespace/name}).
 */
public record PolicyId(String namespace, String name) {

  public PolicyId {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
  }

  public static PolicyId of(ScalingPolicy policy) {
    return new PolicyId(policy.getMetadata().getNamespace(), policy.getMetadata().getName());
  }

  /** {@code namespace/name}, as status and the engine write it. */
  @Override
  public String toString() {
    return namespace + "/" + name;
  }
}
