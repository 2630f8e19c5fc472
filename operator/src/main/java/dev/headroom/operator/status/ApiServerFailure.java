package dev.headroom.operator.status;

import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * Whether a failure was the API server's own: no answer in time, too many requests (429), or a
 * server error (5xx). Writing a status to report such a failure would only add to the load that
 * caused it; a failure of the request itself (403, 404, 409, 422) is the resource's and is
 * reported.
 */
public final class ApiServerFailure {

  private ApiServerFailure() {}

  public static boolean of(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.util.concurrent.TimeoutException || t instanceof java.io.IOException) {
        return true;
      }
      if (t instanceof KubernetesClientException k && k.getCode() > 0) {
        return k.getCode() == 429 || k.getCode() >= 500;
      }
    }
    return false;
  }
}
