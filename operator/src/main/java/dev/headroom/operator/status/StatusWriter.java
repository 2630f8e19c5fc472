package dev.headroom.operator.status;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.function.BiPredicate;
import java.util.function.Consumer;

/**
 * Writes a resource's status with a PUT that carries the resourceVersion it was computed from. A
 * status built on a stale copy (the informer had not yet seen the last write) is refused with 409
 * instead of silently dropping what that write added (a history entry, an acknowledged grant); the
 * reconcile then runs again on the fresh copy. Unchanged status is not written. The resource as the
 * API server stored it goes to the caller, whose cache can move ahead to it at once, so the next
 * round does not start from the copy this write replaced and meet a conflict of its own. After a
 * conflict the resource is read again and goes to the caller the same way, as client-go's {@code
 * RetryOnConflict} reads before it retries: an informer whose watch lags behind (a busy API server)
 * would otherwise hand the retry the same stale copy, conflict after conflict.
 */
public final class StatusWriter {

  /** What happened to a status write. */
  public enum Outcome {
    WRITTEN,
    UNCHANGED,
    STALE
  }

  /**
   * How soon a round whose write met a conflict runs again: the informer is a moment behind the
   * write that caused it, and waiting longer only delays a grant or a scale-up (a 2 s retry made up
   * most of the load-to-scale latency at 1,000 policies).
   */
  public static final Duration STALE_RETRY = Duration.ofMillis(100);

  private final KubernetesClient client;
  private final BiPredicate<Object, Object> same;

  /** A writer that compares statuses by their JSON. */
  public StatusWriter(KubernetesClient client) {
    this(
        client,
        (a, b) ->
            client
                .getKubernetesSerialization()
                .asJson(a)
                .equals(client.getKubernetesSerialization().asJson(b)));
  }

  /**
   * @param same whether two statuses would be written alike (a status type with value equality can
   *     use {@code Objects::equals}, cheaper than serializing both every round)
   */
  public StatusWriter(KubernetesClient client, BiPredicate<Object, Object> same) {
    this.client = client;
    this.same = same;
  }

  public Outcome write(
      HasMetadata cached, HasMetadata updated, Object cachedStatus, Object newStatus) {
    return write(cached, updated, cachedStatus, newStatus, stored -> {});
  }

  /**
   * @param stored receives the resource as the API server has it: as stored, when it was written;
   *     as read again, after a conflict (unless it is gone)
   */
  public <T extends HasMetadata> Outcome write(
      T cached, T updated, Object cachedStatus, Object newStatus, Consumer<? super T> stored) {
    if (same.test(newStatus, cachedStatus)) {
      return Outcome.UNCHANGED;
    }
    updated.getMetadata().setResourceVersion(cached.getMetadata().getResourceVersion());
    try {
      stored.accept(client.resource(updated).updateStatus());
      return Outcome.WRITTEN;
    } catch (KubernetesClientException e) {
      if (e.getCode() == 409) {
        T latest = client.resource(cached).get();
        if (latest != null) {
          stored.accept(latest);
        }
        return Outcome.STALE;
      }
      throw e;
    }
  }
}
