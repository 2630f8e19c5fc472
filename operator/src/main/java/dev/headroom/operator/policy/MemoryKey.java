package dev.headroom.operator.policy;

import dev.headroom.operator.api.v1alpha1.ScalingPolicy;

/**
 * The key under which what is kept in memory for a policy is found: its uid (a policy deleted and
 * created again under the same name starts afresh), or namespace/name before it has one.
 */
final class MemoryKey {

  private MemoryKey() {}

  static String of(ScalingPolicy p) {
    String uid = p.getMetadata().getUid();
    return uid != null ? uid : p.getMetadata().getNamespace() + "/" + p.getMetadata().getName();
  }
}
