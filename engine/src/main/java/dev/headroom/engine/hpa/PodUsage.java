package dev.headroom.engine.hpa;

import java.util.OptionalLong;

/**
 * One pod's usage of a resource and its request, both in milli-units, for utilization targets (HPA
 * {@code Resource} metrics with an {@code averageUtilization} target).
 *
 * @param pod pod name
 * @param ready whether the pod counts as ready (see {@link dev.headroom.engine.model.PodSample})
 * @param usageMilli measured usage, empty when missing
 * @param requestMilli the pod's request for the resource; {@code <= 0} means "no request"
 */
public record PodUsage(String pod, boolean ready, OptionalLong usageMilli, long requestMilli) {

  public static PodUsage ready(String pod, long usageMilli, long requestMilli) {
    return new PodUsage(pod, true, OptionalLong.of(usageMilli), requestMilli);
  }

  public static PodUsage unready(String pod, long usageMilli, long requestMilli) {
    return new PodUsage(pod, false, OptionalLong.of(usageMilli), requestMilli);
  }

  /** A pending pod: unready and without a value. */
  public static PodUsage pending(String pod, long requestMilli) {
    return new PodUsage(pod, false, OptionalLong.empty(), requestMilli);
  }

  public static PodUsage missing(String pod, long requestMilli) {
    return new PodUsage(pod, true, OptionalLong.empty(), requestMilli);
  }
}
