package dev.headroom.operator.status;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * Writes a resource's status with a PUT that carries the resourceVersion it was computed from.
 * A status built on a stale copy (the informer had not yet seen the last write) is refused with
 * 409 instead of silently dropping what that write added (a history entry, an acknowledged
 * grant); the reconcile then runs again on the fresh copy. Unchanged status is not written.
 */
public final class StatusWriter {

  /** What happened to a status write. */
  public enum Outcome {
    WRITTEN,
    UNCHANGED,
    STALE
  }

  private final KubernetesClient client;

  public StatusWriter(KubernetesClient client) {
    this.client = client;
  }

  public Outcome write(HasMetadata cached, HasMetadata updated, Object cachedStatus, Object newStatus) {
    var json = client.getKubernetesSerialization();
    if (json.asJson(newStatus).equals(json.asJson(cachedStatus))) {
      return Outcome.UNCHANGED;
    }
    updated.getMetadata().setResourceVersion(cached.getMetadata().getResourceVersion());
    try {
      client.resource(updated).updateStatus();
      return Outcome.WRITTEN;
    } catch (KubernetesClientException e) {
      if (e.getCode() == 409) {
        return Outcome.STALE;
      }
      throw e;
    }
  }
}
