package dev.headroom.operator.reconciler;

import dev.headroom.operator.api.v1alpha1.Ownership;
import dev.headroom.operator.api.v1alpha1.PolicyMode;
import dev.headroom.operator.api.v1alpha1.ScalingPolicy;
import dev.headroom.operator.config.HeadroomConfig;
import dev.headroom.operator.policy.Actuation;
import dev.headroom.operator.policy.BudgetResolution;
import dev.headroom.operator.policy.HpaCapper;
import dev.headroom.operator.policy.PolicyActuator;
import dev.headroom.operator.policy.PolicyOutcome;
import dev.headroom.operator.status.EventReasons;
import dev.headroom.operator.workload.WorkloadReader;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * One policy round: observe ({@link PolicyObserver}), decide once ({@link PolicyDecider}), act
 * within the grant ({@link PolicyActuator}, or {@link HpaCapper} for {@code CapHpa}), and explain
 * ({@link PolicyOutcome}, which also says when the next round is due).
 */
public final class PolicyRound {

  private final PolicyObserver observer;
  private final PolicyDecider decider;
  private final PolicyActuator actuator;
  private final HpaCapper hpaCapper;
  private final WorkloadReader reader;
  private final Duration sync;
  private final Duration poll;

  public PolicyRound(
      PolicyObserver observer,
      PolicyDecider decider,
      PolicyActuator actuator,
      HpaCapper hpaCapper,
      WorkloadReader reader,
      HeadroomConfig config) {
    this.observer = observer;
    this.decider = decider;
    this.actuator = actuator;
    this.hpaCapper = hpaCapper;
    this.reader = reader;
    this.sync = config.syncPeriod();
    this.poll = config.transitionPollPeriod();
  }

  /** Runs the round on {@code policy} (a working copy whose status it changes). */
  public Duration run(
      ScalingPolicy policy, PolicyCaches caches, PolicyOutcome out, RoundFacts facts) {
    PolicyObserver.Observed observed = observer.observe(policy, caches, out.now());
    if (observed instanceof PolicyInputs.Invalid invalid) {
      return out.invalid(invalid.violations(), sync);
    }
    if (observed instanceof PolicyInputs.Blocked blocked) {
      return out.blocked(blocked.reason(), blocked.message(), sync);
    }
    PolicyInputs in = (PolicyInputs) observed;
    out.forecast(in.forecast());
    PolicyDecider.Decided d = decider.decide(in, out.history());
    out.observed(d.snapshot(), in.poolMax());
    facts.loadSpec = policy.getSpec().getLoad();
    facts.readings = in.readings();
    facts.forecastEnabled = d.spec().forecast().map(f -> f.enabled()).orElse(false);
    facts.spec = d.spec();
    facts.snapshot = d.snapshot();
    facts.decision = d.decision();
    if (!d.spec().schedules().isEmpty()) {
      facts.schedules = d.decision().schedules();
      out.schedules(facts.schedules);
    }
    boolean capOnly = policy.getSpec().getOwnership() == Ownership.CAP_HPA;
    out.decided(
        d.decision(),
        d.requested(),
        in.readings(),
        in.conflicts(),
        capOnly,
        in.budgetId(),
        in.grant());
    return act(in, d, capOnly, out, facts);
  }

  private Duration act(
      PolicyInputs in,
      PolicyDecider.Decided d,
      boolean capOnly,
      PolicyOutcome out,
      RoundFacts facts) {
    var budget = in.budget();
    var found = in.conflicts();
    if (budget.isPresent() && !budget.get().usable()) {
      return out.blocked(budget.get().reason(), budget.get().message(), sync);
    }
    if (in.policy().getSpec().getMode() == PolicyMode.DRY_RUN) {
      facts.dryRun = true;
      return out.dryRun(budget.flatMap(BudgetResolution::grant), sync);
    }
    if (capOnly) {
      return capHpa(in, d, out, facts);
    }
    if (found.any()) {
      return out.blocked(
          EventReasons.CONFLICTING_AUTOSCALER,
          String.join(", ", found.owners())
              + " also scale "
              + in.ref()
              + "; Headroom leaves replicas alone",
          sync);
    }
    if (out.nothingRecorded()) {
      return out.firstObserved(poll);
    }
    facts.actuation =
        act(
            in,
            () ->
                actuator.apply(
                    d.snapshot(),
                    in.target(),
                    in.delivery(),
                    d.decision().desiredReplicas(),
                    d.decision().poolSize(),
                    in.grant(),
                    in.poolMax(),
                    in.growHold()));
    return out.applied(facts.actuation, budget.flatMap(BudgetResolution::grant), null, sync, poll);
  }

  /** {@code ownership: CapHpa}: the HPA keeps replicas; its maxReplicas is lowered to the grant. */
  private Duration capHpa(
      PolicyInputs in, PolicyDecider.Decided d, PolicyOutcome out, RoundFacts facts) {
    var found = in.conflicts();
    var grant = in.grant();
    var snap = d.snapshot();
    if (!found.rivals().isEmpty()) {
      return out.blocked(
          EventReasons.CONFLICTING_AUTOSCALER,
          "spec.targetRef: "
              + String.join(", ", found.rivals())
              + " already targets "
              + in.ref()
              + "; only the oldest policy on a workload acts, this one changes nothing",
          sync);
    }
    if (found.hpa().isEmpty()) {
      return out.blocked(
          EventReasons.NO_HPA_TO_CAP,
          "ownership CapHpa but no HorizontalPodAutoscaler targets " + in.ref(),
          sync);
    }
    if (grant.isEmpty()) {
      return out.blocked(
          EventReasons.NOTHING_TO_CAP,
          "ownership CapHpa needs connections and a"
              + " grant to cap the HorizontalPodAutoscaler by",
          sync);
    }
    if (out.nothingRecorded()) {
      return out.firstObserved(poll);
    }
    var spec = in.policy().getSpec();
    // Lowering the HPA's max is a scale-in: size for at least what runs now, so that missing
    // or early data never caps the HPA below its current replicas (only the grant can).
    var pool =
        HpaCapper.pool(
            grant.getAsLong(),
            Math.max(d.requested(), snap.specReplicas()),
            spec.getConnections().getPoolSize().getMin(),
            in.poolMax(),
            snap.maxSurge());
    // Counted at the largest pool in play: a pool shrink lets the cap rise only once rolled out.
    String capped =
        hpaCapper.cap(
            found.hpa().get(),
            in.policy().getMetadata().getName(),
            spec.getReplicas().getMax(),
            grant.getAsLong(),
            HpaCapper.poolInPlay(pool.pool(), snap, in.poolMax()),
            snap.maxSurge());
    facts.actuation =
        act(
            in,
            () ->
                actuator.apply(
                    snap,
                    in.target(),
                    in.delivery(),
                    snap.specReplicas(),
                    OptionalInt.of(pool.pool()),
                    grant,
                    in.poolMax(),
                    in.growHold()));
    return out.applied(
        facts.actuation, in.budget().flatMap(BudgetResolution::grant), capped, sync, poll);
  }

  /** Applies, and tells the cache when the target may have changed (also when writing failed). */
  private Actuation act(PolicyInputs in, Supplier<Actuation> apply) {
    try {
      Actuation a = apply.get();
      if (a.changed()) {
        reader.written(in.ref(), in.target());
      }
      return a;
    } catch (RuntimeException e) {
      reader.written(in.ref(), in.target());
      throw e;
    }
  }
}
