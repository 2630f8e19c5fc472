package dev.headroom.engine.model;

/**
 * How a load signal's value relates to replicas, with the meaning of the HPA v2 metric target
 * types.
 */
public enum SignalKind {
  /**
   * The query returns the total for the workload; the target is per replica. The engine divides by
   * the current replica count (HPA External/Object metric with an {@code AverageValue} target).
   */
  AVERAGE_VALUE,
  /**
   * The query returns the total; the target is a total too. Replicas scale with the ratio of the
   * two, applied to the ready pods (HPA External/Object metric with a {@code Value} target).
   */
  VALUE,
  /**
   * The query returns one value per pod; the target is the per-pod average (HPA {@code Pods}
   * metric), with the HPA's handling of missing and unready pods.
   */
  PODS
}
