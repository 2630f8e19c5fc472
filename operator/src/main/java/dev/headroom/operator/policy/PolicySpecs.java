package dev.headroom.operator.policy;

import dev.headroom.engine.model.PolicySpec;
import dev.headroom.engine.validation.PolicyValidator;
import dev.headroom.engine.validation.Violation;
import dev.headroom.operator.api.v1alpha1.ScalingPolicy;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each policy's spec mapped to the engine's and validated once per (uid, generation): the spec only
 * changes with the generation, and mapping it (durations, cron expressions, time zones) and
 * validating it are most of what a round would otherwise repeat. The surge a round counts comes
 * from the target and is applied to the cached spec ({@link PolicySpec#withMaxSurge}) unless the
 * policy sets its own.
 */
public final class PolicySpecs {

  /**
   * A policy's spec as the engine sees it, or why it cannot be used.
   *
   * @param spec the mapped spec with the policy's own maxSurge or 0; null when invalid
   * @param violations empty when the spec can be used
   * @param ownSurge whether the policy sets spec.connections.maxSurge itself
   */
  public record Mapped(PolicySpec spec, List<Violation> violations, boolean ownSurge) {

    public boolean valid() {
      return violations.isEmpty();
    }

    /** The spec counting {@code surge} surge pods, unless the policy set its own. */
    public PolicySpec withSurge(int surge) {
      return ownSurge ? spec : spec.withMaxSurge(surge);
    }
  }

  private record Entry(long generation, Mapped mapped) {}

  private final PolicyValidator validator = new PolicyValidator();
  private final Map<String, Entry> byUid = new ConcurrentHashMap<>();

  /** The mapped spec of {@code policy}, which must have a spec. */
  public Mapped of(ScalingPolicy policy) {
    String uid = policy.getMetadata().getUid();
    Long generation = policy.getMetadata().getGeneration();
    if (uid == null || generation == null) {
      return map(policy);
    }
    Entry e = byUid.get(uid);
    if (e != null && e.generation() == generation) {
      return e.mapped();
    }
    Mapped mapped = map(policy);
    byUid.put(uid, new Entry(generation, mapped));
    return mapped;
  }

  /** Forgets the policies not in {@code live}. */
  public void retain(Set<String> live) {
    byUid.keySet().retainAll(live);
  }

  private Mapped map(ScalingPolicy policy) {
    boolean ownSurge =
        policy.getSpec().getConnections() != null
            && policy.getSpec().getConnections().getMaxSurge() != null;
    PolicySpec spec;
    try {
      spec = PolicySpecMapper.toEngine(policy, 0);
    } catch (IllegalArgumentException e) {
      return new Mapped(
          null, List.of(new Violation("spec", Objects.toString(e.getMessage()))), ownSurge);
    }
    List<Violation> violations = validator.validate(spec);
    return new Mapped(violations.isEmpty() ? spec : null, List.copyOf(violations), ownSurge);
  }
}
