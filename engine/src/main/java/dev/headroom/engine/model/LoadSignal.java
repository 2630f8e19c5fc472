package dev.headroom.engine.model;

/**
 * One load signal of a policy.
 *
 * @param name unique within the policy; observations are keyed by it
 * @param kind how the value relates to replicas
 * @param target per replica for {@link SignalKind#AVERAGE_VALUE} and {@link SignalKind#PODS}, total
 *     for {@link SignalKind#VALUE}; the value should be a worst-case figure (p95/p99 or a burst
 *     rate), see docs/engine.md
 */
public record LoadSignal(String name, SignalKind kind, double target) {

  public static LoadSignal averageValue(String name, double targetPerReplica) {
    return new LoadSignal(name, SignalKind.AVERAGE_VALUE, targetPerReplica);
  }

  public static LoadSignal value(String name, double totalTarget) {
    return new LoadSignal(name, SignalKind.VALUE, totalTarget);
  }

  public static LoadSignal pods(String name, double targetPerPod) {
    return new LoadSignal(name, SignalKind.PODS, targetPerPod);
  }
}
