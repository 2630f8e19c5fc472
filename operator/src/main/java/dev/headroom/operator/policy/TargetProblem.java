package dev.headroom.operator.policy;

import dev.headroom.operator.status.EventReasons;
import dev.headroom.operator.workload.WorkloadRef;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Optional;

/**
 * Why a target cannot be scaled, when the API server's answer says it is the target's fault and not
 * a passing failure: a kind the operator may not read, a kind without a scale subresource (or one
 * the operator may not use), an API the cluster does not serve. Anything else is left to the retry
 * with backoff.
 */
public record TargetProblem(String reason, String message) {

  /** Reading the target object failed with {@code e}. */
  public static Optional<TargetProblem> reading(WorkloadRef ref, KubernetesClientException e) {
    if (e.getCode() == 403) {
      return Optional.of(
          new TargetProblem(
              EventReasons.TARGET_FORBIDDEN,
              "spec.targetRef: Headroom may not read "
                  + ref
                  + " (its RBAC allows Deployments and"
                  + " StatefulSets); nothing is changed"));
    }
    if (e.getCode() == 404 || unknownKind(e)) {
      return Optional.of(
          new TargetProblem(
              EventReasons.TARGET_NOT_SCALABLE,
              "spec.targetRef: the API server serves no kind "
                  + ref.kind()
                  + " in "
                  + ref.apiVersion()
                  + "; nothing is changed"));
    }
    return Optional.empty();
  }

  /** Reading the target's scale subresource failed with {@code e}. */
  public static Optional<TargetProblem> scaling(WorkloadRef ref, KubernetesClientException e) {
    if (e.getCode() == 403 || e.getCode() == 404 || e.getCode() == 405) {
      return Optional.of(
          new TargetProblem(
              EventReasons.TARGET_NOT_SCALABLE,
              "spec.targetRef: "
                  + ref
                  + " has no scale subresource Headroom may use (it scales"
                  + " kinds with a scale subresource its RBAC allows: Deployments, StatefulSets);"
                  + " nothing is changed"));
    }
    return Optional.empty();
  }

  /** Fabric8 found no such kind in the API server's discovery documents. */
  private static boolean unknownKind(KubernetesClientException e) {
    String m = e.getMessage() == null ? "" : e.getMessage();
    return e.getCode() <= 0
        && (m.contains("Could not find") || m.contains("not found") || m.contains("No resource"));
  }
}
