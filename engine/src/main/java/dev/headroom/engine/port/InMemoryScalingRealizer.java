package dev.headroom.engine.port;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Default {@link ScalingRealizer}: remembers the last applied values and every call, for the
 * simulator and for tests.
 */
public final class InMemoryScalingRealizer implements ScalingRealizer {

  /** One call, in order. */
  public record Call(String policyId, String what, int value) {}

  private final Map<String, Integer> replicas = new ConcurrentHashMap<>();
  private final Map<String, Integer> pools = new ConcurrentHashMap<>();
  private final List<Call> calls = new ArrayList<>();

  @Override
  public synchronized void realizeReplicas(String policyId, int value) {
    replicas.put(policyId, value);
    calls.add(new Call(policyId, "replicas", value));
  }

  @Override
  public synchronized void realizePoolSize(String policyId, int value) {
    pools.put(policyId, value);
    calls.add(new Call(policyId, "pool", value));
  }

  public OptionalInt replicas(String policyId) {
    Integer v = replicas.get(policyId);
    return v == null ? OptionalInt.empty() : OptionalInt.of(v);
  }

  public OptionalInt poolSize(String policyId) {
    Integer v = pools.get(policyId);
    return v == null ? OptionalInt.empty() : OptionalInt.of(v);
  }

  public synchronized List<Call> calls() {
    return List.copyOf(calls);
  }
}
