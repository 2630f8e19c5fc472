package dev.headroom.engine;

import dev.headroom.engine.model.PolicySpec;
import dev.headroom.engine.schedule.PolicySchedules;
import dev.headroom.engine.validation.PolicyValidator;
import dev.headroom.engine.validation.Violation;
import java.util.List;

/**
 * A policy made ready for many decisions: validated once, its schedules parsed once and their
 * window states cached ({@link PolicySchedules}). What {@link DecisionEngine#prepare} returns and
 * {@link DecisionEngine#decide(PreparedPolicy, dev.headroom.engine.model.Observation,
 * dev.headroom.engine.model.ScalingHistory)} takes; a host keeps one per policy version (for the
 * operator, per uid and generation) and decides with it every round.
 */
public final class PreparedPolicy {

  private final PolicySpec spec;
  private final List<Violation> violations;
  private final PolicySchedules schedules;

  private PreparedPolicy(PolicySpec spec, List<Violation> violations) {
    this.spec = spec;
    this.violations = List.copyOf(violations);
    this.schedules = new PolicySchedules(violations.isEmpty() ? spec.schedules() : List.of());
  }

  static PreparedPolicy of(PolicySpec spec, PolicyValidator validator) {
    return new PreparedPolicy(spec, validator.validate(spec));
  }

  public PolicySpec spec() {
    return spec;
  }

  /** What {@link PolicyValidator} found; empty for a valid policy. */
  public List<Violation> violations() {
    return violations;
  }

  public boolean valid() {
    return violations.isEmpty();
  }

  PolicySchedules schedules() {
    return schedules;
  }
}
