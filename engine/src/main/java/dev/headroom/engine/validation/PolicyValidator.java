package dev.headroom.engine.validation;

import dev.headroom.engine.model.Behavior;
import dev.headroom.engine.model.Capacity;
import dev.headroom.engine.model.ConcurrencySignal;
import dev.headroom.engine.model.Connections;
import dev.headroom.engine.model.ForecastSpec;
import dev.headroom.engine.model.LoadSignal;
import dev.headroom.engine.model.PolicySpec;
import dev.headroom.engine.model.ResourceKind;
import dev.headroom.engine.model.ScalingPolicyRule;
import dev.headroom.engine.model.ScalingRules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a ScalingPolicy for the rules a CRD schema may miss: cross-field bounds, cron and zone
 * parsing, lead time against the cron period, positive targets and durations, capacity consistency,
 * HPA behaviour limits. An empty list means valid.
 */
public final class PolicyValidator {

  private final ScheduleValidator schedules = new ScheduleValidator();

  public List<Violation> validate(PolicySpec spec) {
    List<Violation> out = new ArrayList<>();
    replicas(spec, out);
    load(spec, out);
    concurrencyAndCapacity(spec, out);
    spec.connections().ifPresent(c -> connections(c, out));
    schedules.validate(spec.schedules(), spec.replicas().max(), out);
    spec.forecast().ifPresent(f -> forecast(f, spec, out));
    behavior(spec.behavior(), out);
    return List.copyOf(out);
  }

  private static void replicas(PolicySpec spec, List<Violation> out) {
    int min = spec.replicas().min();
    int max = spec.replicas().max();
    Checks.atLeast(out, "spec.replicas.min", min, 0);
    Checks.atLeast(out, "spec.replicas.max", max, 1);
    if (min > max) {
      out.add(
          new Violation(
              "spec.replicas.min", "must be <= spec.replicas.max (" + min + " > " + max + ")"));
    }
  }

  private static void load(PolicySpec spec, List<Violation> out) {
    if (spec.load().isEmpty() && spec.concurrency().isEmpty() && spec.schedules().isEmpty()) {
      out.add(
          new Violation(
              "spec.load", "at least one load signal, concurrency signal or schedule is required"));
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < spec.load().size(); i++) {
      LoadSignal signal = spec.load().get(i);
      String path = "spec.load.signals[" + i + "]";
      Checks.notBlank(out, path + ".name", signal.name());
      if (signal.name() != null && !signal.name().isBlank() && !names.add(signal.name())) {
        out.add(new Violation(path + ".name", "duplicate signal name '" + signal.name() + "'"));
      }
      if (signal.kind() == null) {
        out.add(new Violation(path + ".type", "must be AverageValue, Value or Pods"));
      }
      Checks.positive(out, path + ".target", signal.target());
    }
  }

  private static void concurrencyAndCapacity(PolicySpec spec, List<Violation> out) {
    if (spec.concurrency().isPresent()) {
      ConcurrencySignal signal = spec.concurrency().get();
      if (signal.targetInFlightPerReplica().isPresent()) {
        Checks.positive(
            out,
            "spec.load.concurrency.targetInFlightPerReplica",
            signal.targetInFlightPerReplica().getAsDouble());
      } else if (spec.capacities().isEmpty()) {
        out.add(
            new Violation(
                "spec.load.concurrency",
                "needs spec.capacity or targetInFlightPerReplica to turn in-flight requests into"
                    + " replicas"));
      }
    } else if (!spec.capacities().isEmpty()) {
      out.add(
          new Violation(
              "spec.capacity",
              "needs spec.load.concurrency (rate and latency) to size replicas by capacity"));
    }
    for (int i = 0; i < spec.capacities().size(); i++) {
      String path = spec.capacities().size() == 1 ? "spec.capacity" : "spec.capacity[" + i + "]";
      capacity(spec.capacities().get(i), path, out);
    }
  }

  private static void capacity(Capacity c, String path, List<Violation> out) {
    if (c.kind() == ResourceKind.CUSTOM
        && (c.name() == null
            || c.name().isBlank()
            || c.name().equals(ResourceKind.CUSTOM.apiName()))) {
      out.add(new Violation(path + ".resource", "a custom resource needs its own name"));
    }
    Checks.positive(out, path + ".perReplica", c.perReplicaLimit());
    if (c.perRequestCost().isPresent()) {
      double cost = c.perRequestCost().getAsDouble();
      Checks.positive(out, path + ".perRequest", cost);
      if (cost > 0 && c.perReplicaLimit() > 0 && cost > c.perReplicaLimit()) {
        out.add(
            new Violation(
                path + ".perRequest",
                "one request ("
                    + Checks.num(cost)
                    + ") costs more than a replica has ("
                    + Checks.num(c.perReplicaLimit())
                    + ")"));
      }
    }
    if (!(c.targetUtilization() > 0 && c.targetUtilization() <= 1)) {
      out.add(
          new Violation(
              path + ".targetUtilization",
              "must be in (0, 1], got " + Checks.num(c.targetUtilization())));
    }
  }

  private static void connections(Connections c, List<Violation> out) {
    Checks.notBlank(out, "spec.connections.budgetRef", c.budgetId());
    Checks.atLeast(out, "spec.connections.poolSize.min", c.poolMin(), 1);
    if (c.poolMax() < c.poolMin()) {
      out.add(
          new Violation(
              "spec.connections.poolSize.max",
              "must be >= spec.connections.poolSize.min ("
                  + c.poolMax()
                  + " < "
                  + c.poolMin()
                  + ")"));
    }
    Checks.atLeast(out, "spec.connections.maxSurge", c.maxSurge(), 0);
  }

  private static void forecast(ForecastSpec f, PolicySpec spec, List<Violation> out) {
    if (!f.enabled()) {
      return;
    }
    if (f.signal() != null
        && !f.signal().isBlank()
        && spec.load().stream().noneMatch(s -> s.name().equals(f.signal()))) {
      out.add(
          new Violation(
              "spec.forecast.signal", "names no load signal of this policy: '" + f.signal() + "'"));
    }
    Checks.positive(out, "spec.forecast.lookback", f.lookback());
    Checks.positive(out, "spec.forecast.horizon", f.horizon());
    Checks.notNegative(out, "spec.forecast.leadTime", f.leadTime());
    if (f.leadTime() != null && f.horizon() != null && f.leadTime().compareTo(f.horizon()) > 0) {
      out.add(
          new Violation(
              "spec.forecast.leadTime",
              "must not exceed spec.forecast.horizon ("
                  + f.leadTime()
                  + " > "
                  + f.horizon()
                  + ")"));
    }
    if (f.lookback() != null && f.horizon() != null && f.lookback().compareTo(f.horizon()) < 0) {
      out.add(
          new Violation(
              "spec.forecast.lookback",
              "must be at least spec.forecast.horizon ("
                  + f.lookback()
                  + " < "
                  + f.horizon()
                  + ")"));
    }
  }

  private static void behavior(Behavior behavior, List<Violation> out) {
    rules(behavior.scaleUp(), "spec.behavior.scaleUp", out);
    rules(behavior.scaleDown(), "spec.behavior.scaleDown", out);
  }

  /** The limits the HPA API enforces on {@code HPAScalingRules}. */
  private static void rules(ScalingRules rules, String path, List<Violation> out) {
    int window = rules.stabilizationWindowSeconds();
    if (window < 0 || window > 3600) {
      out.add(
          new Violation(
              path + ".stabilizationWindowSeconds", "must be between 0 and 3600, got " + window));
    }
    if (rules.selectPolicy() == null) {
      out.add(new Violation(path + ".selectPolicy", "must be Max, Min or Disabled"));
    }
    if (rules.policies().isEmpty()) {
      out.add(new Violation(path + ".policies", "must specify at least one policy"));
    }
    for (int i = 0; i < rules.policies().size(); i++) {
      ScalingPolicyRule p = rules.policies().get(i);
      String policyPath = path + ".policies[" + i + "]";
      if (p.value() <= 0) {
        out.add(
            new Violation(policyPath + ".value", "must be greater than zero, got " + p.value()));
      }
      if (p.periodSeconds() <= 0 || p.periodSeconds() > 1800) {
        out.add(
            new Violation(
                policyPath + ".periodSeconds",
                "must be between 1 and 1800, got " + p.periodSeconds()));
      }
    }
  }
}
