package dev.headroom.operator.policy;

import dev.headroom.engine.validation.PolicyValidator;
import dev.headroom.operator.api.v1alpha1.ScalingPolicy;
import dev.headroom.operator.api.v1alpha1.TargetRef;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Other ScalingPolicies on the same workload. Only one policy may own a workload: the oldest
 * (creation time, then name), so every policy reaches the same answer from its own cache without
 * talking to the others. The younger ones report a conflict and write nothing.
 */
public final class PolicyRivals {

  /** Oldest first: creation time, then name (both policies order the pair alike). */
  static final Comparator<ScalingPolicy> AGE =
      Comparator.comparing(
              (ScalingPolicy p) -> p.getMetadata().getCreationTimestamp(),
              Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(p -> p.getMetadata().getName());

  private PolicyRivals() {}

  /**
   * Names of the policies in {@code sameNamespace} that target the same workload, are older and are
   * valid (an invalid policy changes nothing, so it owns nothing either).
   */
  public static List<String> olderThan(ScalingPolicy policy, Stream<ScalingPolicy> sameNamespace) {
    TargetRef mine = policy.getSpec().getTargetRef();
    return sameNamespace
        .filter(p -> !p.getMetadata().getName().equals(policy.getMetadata().getName()))
        .filter(p -> p.getSpec() != null && sameWorkload(mine, p.getSpec().getTargetRef()))
        .filter(p -> AGE.compare(p, policy) < 0)
        .filter(PolicyRivals::valid)
        .sorted(AGE)
        .map(p -> "ScalingPolicy " + p.getMetadata().getName())
        .toList();
  }

  static boolean valid(ScalingPolicy p) {
    try {
      return new PolicyValidator().validate(PolicySpecMapper.toEngine(p, 0)).isEmpty();
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Same group, kind and name; the version does not matter (one object, several versions). */
  static boolean sameWorkload(TargetRef a, TargetRef b) {
    return a != null
        && b != null
        && Objects.equals(group(a.getApiVersion()), group(b.getApiVersion()))
        && Objects.equals(a.getKind(), b.getKind())
        && Objects.equals(a.getName(), b.getName());
  }

  private static String group(String apiVersion) {
    if (apiVersion == null) {
      return null;
    }
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }
}
