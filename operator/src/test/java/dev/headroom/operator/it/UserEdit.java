package dev.headroom.operator.it;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.util.function.UnaryOperator;

/**
 * A user's edit of an object the operator writes too. Fabric8's {@code edit} sends the
 * resourceVersion it read, so a status write by the operator in between makes the API server answer
 * 409; a user then reads again and repeats the change, as client-go's {@code RetryOnConflict} does.
 * A busy API server (429, 5xx, a timeout) is retried the same way.
 */
public final class UserEdit {

  private static final int ATTEMPTS = 6;

  private UserEdit() {}

  /** Applies {@code change} to the latest version of {@code resource}, retrying as above. */
  public static <T extends HasMetadata> T of(Resource<T> resource, UnaryOperator<T> change) {
    for (int attempt = 1; ; attempt++) {
      try {
        return resource.edit(change);
      } catch (KubernetesClientException e) {
        if (!isTransient(e) || attempt >= ATTEMPTS) {
          throw e;
        }
        pause(attempt);
      }
    }
  }

  /** Whether a user would simply try the same request again. */
  public static boolean isTransient(KubernetesClientException e) {
    int code = e.getCode();
    return code == 0 || code == 409 || code == 429 || code >= 500;
  }

  /** Waits a little longer after each failed attempt. */
  public static void pause(int attempt) {
    try {
      Thread.sleep(500L * attempt);
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(ie);
    }
  }
}
