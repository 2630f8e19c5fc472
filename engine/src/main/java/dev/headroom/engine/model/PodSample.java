package dev.headroom.engine.model;

import java.util.OptionalDouble;

/**
 * One pod's value of a per-pod ({@link SignalKind#PODS}) signal.
 *
 * <p>The host groups pods the way the HPA does before calling the engine: deleted and failed pods
 * are left out; {@code ready = false} marks pods the HPA treats as unready (pending pods, and for
 * CPU-like signals pods that are not ready or still warming up); a ready pod without a value is
 * "missing".
 *
 * @param pod pod name (used for deterministic ordering only)
 * @param ready whether the pod counts as ready
 * @param value the pod's value, empty when the metrics backend returned none
 */
public record PodSample(String pod, boolean ready, OptionalDouble value) {

  public static PodSample ready(String pod, double value) {
    return new PodSample(pod, true, OptionalDouble.of(value));
  }

  public static PodSample unready(String pod, double value) {
    return new PodSample(pod, false, OptionalDouble.of(value));
  }

  public static PodSample unready(String pod) {
    return new PodSample(pod, false, OptionalDouble.empty());
  }

  public static PodSample missing(String pod) {
    return new PodSample(pod, true, OptionalDouble.empty());
  }
}
