package dev.headroom.engine;

import dev.headroom.engine.model.PolicySpec;
import dev.headroom.engine.validation.PolicyValidator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prepared policies by spec, so that {@link DecisionEngine#decide(PolicySpec,
 * dev.headroom.engine.model.Observation, dev.headroom.engine.model.ScalingHistory)} validates a
 * spec once rather than every call. The last spec is recognised by identity (no hashing); other
 * specs by value ({@link PolicySpec} is a record), so a host that maps its API object to a new,
 * equal spec every round still hits. Bounded: at {@value #MAX_CACHED} specs the memo starts over.
 * Thread-safe.
 */
final class PreparedPolicies {

  static final int MAX_CACHED = 4096;

  private final PolicyValidator validator;
  private final Map<PolicySpec, PreparedPolicy> bySpec = new ConcurrentHashMap<>();
  private volatile PreparedPolicy last;

  PreparedPolicies(PolicyValidator validator) {
    this.validator = validator;
  }

  PreparedPolicy of(PolicySpec spec) {
    PreparedPolicy recent = last;
    if (recent != null && recent.spec() == spec) {
      return recent;
    }
    PreparedPolicy prepared = bySpec.get(spec);
    if (prepared == null) {
      if (bySpec.size() >= MAX_CACHED) {
        bySpec.clear();
      }
      prepared = PreparedPolicy.of(spec, validator);
      bySpec.put(spec, prepared);
    }
    last = prepared;
    return prepared;
  }
}
