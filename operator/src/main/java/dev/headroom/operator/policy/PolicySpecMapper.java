package dev.headroom.operator.policy;

import dev.headroom.engine.model.ApiDefaults;
import dev.headroom.engine.model.ApiDurations;
import dev.headroom.engine.model.Behavior;
import dev.headroom.engine.model.Capacity;
import dev.headroom.engine.model.ConcurrencySignal;
import dev.headroom.engine.model.Connections;
import dev.headroom.engine.model.ForecastSpec;
import dev.headroom.engine.model.LoadSignal;
import dev.headroom.engine.model.Mode;
import dev.headroom.engine.model.PolicySpec;
import dev.headroom.engine.model.PolicyType;
import dev.headroom.engine.model.ResourceKind;
import dev.headroom.engine.model.ScalingPolicyRule;
import dev.headroom.engine.model.ScalingRules;
import dev.headroom.engine.model.ScheduleSpec;
import dev.headroom.engine.model.SelectPolicy;
import dev.headroom.engine.model.SignalKind;
import dev.headroom.operator.api.v1alpha1.BehaviorSpec;
import dev.headroom.operator.api.v1alpha1.CapacitySpec;
import dev.headroom.operator.api.v1alpha1.ConnectionsSpec;
import dev.headroom.operator.api.v1alpha1.PolicyMode;
import dev.headroom.operator.api.v1alpha1.RatePolicy;
import dev.headroom.operator.api.v1alpha1.RatePolicyType;
import dev.headroom.operator.api.v1alpha1.ScalingPolicy;
import dev.headroom.operator.api.v1alpha1.ScalingPolicySpec;
import dev.headroom.operator.api.v1alpha1.Seasonality;
import dev.headroom.operator.api.v1alpha1.SignalType;
import dev.headroom.operator.ids.BudgetId;
import dev.headroom.operator.ids.PolicyId;
import java.util.List;
import java.util.OptionalDouble;

/** Turns a ScalingPolicy resource into the engine's Kubernetes-free {@link PolicySpec}. */
public final class PolicySpecMapper {

  private PolicySpecMapper() {}

  public static String policyId(ScalingPolicy policy) {
    return PolicyId.of(policy).toString();
  }

  /** The budget of a policy that has {@code spec.connections}. */
  public static String budgetId(ScalingPolicy policy) {
    return BudgetId.referencedBy(policy).orElseThrow().toString();
  }

  /**
   * @param maxSurge surge pods resolved from the target's rollout strategy (or the policy's
   *     override) at the current replica count
   */
  public static PolicySpec toEngine(ScalingPolicy policy, int maxSurge) {
    ScalingPolicySpec spec = policy.getSpec();
    PolicySpec.Builder b =
        PolicySpec.builder(
            policyId(policy), spec.getReplicas().getMin(), spec.getReplicas().getMax());
    if (spec.getLoad().getSignals() != null) {
      for (var s : spec.getLoad().getSignals()) {
        SignalKind kind =
            s.getType() == SignalType.VALUE ? SignalKind.VALUE : SignalKind.AVERAGE_VALUE;
        b.load(new LoadSignal(s.getName(), kind, s.getTarget()));
      }
    }
    if (spec.getLoad().getConcurrency() != null) {
      b.concurrency(new ConcurrencySignal("concurrency", OptionalDouble.empty()));
    }
    if (spec.getCapacity() != null) {
      b.capacity(capacity(spec.getCapacity()));
    }
    if (spec.getConnections() != null) {
      ConnectionsSpec c = spec.getConnections();
      int surge = c.getMaxSurge() != null ? c.getMaxSurge() : maxSurge;
      b.connections(
          new Connections(
              budgetId(policy), c.getPoolSize().getMin(), c.getPoolSize().getMax(), surge));
    }
    if (spec.getSchedules() != null) {
      for (var s : spec.getSchedules()) {
        b.schedule(
            new ScheduleSpec(
                s.getName(),
                s.getCron(),
                s.getTimeZone() == null ? ApiDefaults.TIME_ZONE : s.getTimeZone(),
                ApiDurations.parse(s.getDuration()),
                ApiDurations.parseOr(s.getLeadTime(), ApiDefaults.SCHEDULE_LEAD_TIME),
                s.getMinReplicas()));
      }
    }
    if (spec.getForecast() != null) {
      var f = spec.getForecast();
      b.forecast(
          new ForecastSpec(
              f.isEnabled(),
              ApiDurations.parseOr(f.getLookback(), ApiDefaults.forecastLookback()),
              ApiDurations.parseOr(f.getHorizon(), ApiDefaults.forecastHorizon()),
              ApiDurations.parseOr(f.getLeadTime(), ApiDefaults.forecastLeadTime()),
              f.getSeasonality() == Seasonality.DAILY
                  ? dev.headroom.engine.model.Seasonality.DAILY
                  : dev.headroom.engine.model.Seasonality.WEEKLY,
              f.getSignal()));
    }
    b.behavior(behavior(spec.getBehavior()));
    b.mode(spec.getMode() == PolicyMode.DRY_RUN ? Mode.DRY_RUN : Mode.ENFORCE);
    return b.build();
  }

  static Capacity capacity(CapacitySpec c) {
    ResourceKind kind = ResourceKind.CUSTOM;
    for (ResourceKind k : ResourceKind.values()) {
      if (k.apiName().equals(c.getResource())) {
        kind = k;
      }
    }
    return new Capacity(
        kind,
        c.getResource(),
        c.getPerReplica(),
        c.getPerRequest() == null ? OptionalDouble.empty() : OptionalDouble.of(c.getPerRequest()),
        c.getTargetUtilization() == null
            ? ApiDefaults.TARGET_UTILIZATION
            : c.getTargetUtilization());
  }

  static Behavior behavior(BehaviorSpec spec) {
    Behavior defaults = Behavior.defaults();
    if (spec == null) {
      return defaults;
    }
    return new Behavior(
        rules(spec.getScaleUp(), defaults.scaleUp()),
        rules(spec.getScaleDown(), defaults.scaleDown()));
  }

  private static ScalingRules rules(
      dev.headroom.operator.api.v1alpha1.ScalingRules spec, ScalingRules defaults) {
    if (spec == null) {
      return defaults;
    }
    int window =
        spec.getStabilizationWindowSeconds() != null
            ? spec.getStabilizationWindowSeconds()
            : defaults.stabilizationWindowSeconds();
    SelectPolicy select =
        spec.getSelectPolicy() == null
            ? defaults.selectPolicy()
            : SelectPolicy.valueOf(spec.getSelectPolicy().name());
    List<ScalingPolicyRule> policies =
        spec.getPolicies() == null || spec.getPolicies().isEmpty()
            ? defaults.policies()
            : spec.getPolicies().stream().map(PolicySpecMapper::rule).toList();
    return new ScalingRules(window, select, policies);
  }

  private static ScalingPolicyRule rule(RatePolicy p) {
    PolicyType type = p.getType() == RatePolicyType.PODS ? PolicyType.PODS : PolicyType.PERCENT;
    return new ScalingPolicyRule(type, p.getValue(), p.getPeriodSeconds());
  }
}
