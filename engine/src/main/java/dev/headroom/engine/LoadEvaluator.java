package dev.headroom.engine;

import dev.headroom.engine.capacity.CapacityModel;
import dev.headroom.engine.capacity.CapacityRecommendation;
import dev.headroom.engine.hpa.MetricProposal;
import dev.headroom.engine.hpa.ReplicaCalculator;
import dev.headroom.engine.model.ConcurrencySample;
import dev.headroom.engine.model.LoadSignal;
import dev.headroom.engine.model.Observation;
import dev.headroom.engine.model.PolicySpec;
import dev.headroom.engine.model.Reason;
import dev.headroom.engine.model.Recommendation;
import dev.headroom.engine.model.SignalKind;
import dev.headroom.engine.model.SignalSample;
import dev.headroom.engine.model.Source;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Load signals (HPA algorithm) and concurrency (capacity model) to one load-based recommendation,
 * with the HPA's rule for missing metrics extended to fail static: when no signal has data, or some
 * have none and the others would scale in, the current replica count is kept.
 */
final class LoadEvaluator {

  private final ReplicaCalculator calculator;
  private final CapacityModel capacityModel = new CapacityModel();
  private final EngineConfig config;

  LoadEvaluator(EngineConfig config) {
    this.config = config;
    this.calculator = new ReplicaCalculator(config.tolerance(), config.scaleUpTolerance());
  }

  /**
   * Appends the REACTIVE, CAPACITY and FAIL_STATIC recommendations to {@code recs} and their
   * sentences to {@code reasons}.
   */
  LoadOutcome evaluate(
      PolicySpec spec, Observation obs, List<Recommendation> recs, List<Reason> reasons) {
    int current = obs.currentReplicas();
    List<String> missing = null;
    Recommendation best = null;
    boolean allWithinTolerance = true;
    Instant oldest = obs.now().minus(config.maxSampleAge());

    Recommendation reactive = null;
    List<LoadSignal> signals = spec.load();
    for (int i = 0, n = signals.size(); i < n; i++) {
      LoadSignal signal = signals.get(i);
      SignalSample sample = obs.signals().get(signal.name());
      String problem = problem(signal, sample, obs, oldest);
      if (problem != null) {
        missing = added(missing, signal.name());
        reasons.add(() -> "reactive: '" + signal.name() + "' " + problem);
        continue;
      }
      MetricProposal p = calculator.propose(signal, sample, current, obs.readyReplicas());
      if (!p.available()) {
        missing = added(missing, signal.name());
        reasons.add(() -> "reactive: '" + signal.name() + "' " + p.explanation());
        continue;
      }
      Reason why =
          () ->
              "reactive: "
                  + signal.name()
                  + " "
                  + p.explanation()
                  + " -> "
                  + p.replicas()
                  + suffix(p.outcome());
      reasons.add(why);
      allWithinTolerance &= p.outcome() != MetricProposal.Outcome.SCALED;
      if (reactive == null || p.replicas() > reactive.replicas()) {
        Reason summary =
            () -> "reactive: " + signal.name() + " -> " + p.replicas() + suffix(p.outcome());
        reactive = new Recommendation(Source.REACTIVE, p.replicas(), why, summary);
      }
    }
    if (reactive != null) {
      recs.add(reactive);
      best = reactive;
    }

    if (spec.concurrency().isPresent()) {
      Optional<ConcurrencySample> sample = obs.concurrency();
      Optional<CapacityRecommendation> cap =
          sample.isEmpty()
                  || sample.get().timestamp() == null
                  || fresh(sample.get().timestamp(), oldest)
              ? capacityModel.recommend(spec.concurrency().get(), spec.capacities(), sample)
              : Optional.empty();
      if (cap.isEmpty()) {
        String name = spec.concurrency().get().name();
        missing = added(missing, name);
        reasons.add(() -> "capacity: '" + name + "' has no fresh data");
      } else {
        Reason why = cap.get().why();
        Recommendation capacity =
            new Recommendation(Source.CAPACITY, cap.get().replicas(), why, cap.get().summary());
        recs.add(capacity);
        reasons.add(why);
        allWithinTolerance = false;
        if (best == null || capacity.replicas() > best.replicas()) {
          best = capacity;
        }
      }
    }

    int configured = spec.load().size() + (spec.concurrency().isPresent() ? 1 : 0);
    boolean available = missing == null;
    if (configured > 0 && (best == null || (!available && best.replicas() < current))) {
      List<String> none = missing == null ? List.of() : missing;
      Recommendation scaleIn = best;
      Reason why =
          () ->
              "fail static: no fresh data for "
                  + String.join(", ", none)
                  + (scaleIn == null ? "" : " and the rest would scale in to " + scaleIn.replicas())
                  + "; keeping "
                  + current
                  + " replicas";
      Recommendation hold = new Recommendation(Source.FAIL_STATIC, current, why);
      recs.add(hold);
      reasons.add(why);
      return new LoadOutcome(hold, false, false);
    }
    return new LoadOutcome(best, available, best != null && allWithinTolerance);
  }

  private static List<String> added(List<String> names, String name) {
    List<String> list = names == null ? new ArrayList<>(2) : names;
    list.add(name);
    return list;
  }

  /** Why a signal's sample cannot be used, or null when it can. */
  private String problem(LoadSignal signal, SignalSample sample, Observation obs, Instant oldest) {
    if (sample == null) {
      return "has no data";
    }
    if (sample.timestamp().isPresent() && !fresh(sample.timestamp().get(), oldest)) {
      return "data is older than " + config.maxSampleAge();
    }
    if (signal.kind() != SignalKind.PODS) {
      if (sample.value().isEmpty() || !Double.isFinite(sample.value().getAsDouble())) {
        return "has no usable value";
      }
      if (signal.kind() == SignalKind.VALUE
          && obs.readyReplicas() == 0
          && obs.currentReplicas() > 0) {
        return "cannot be spread: no ready replicas";
      }
    }
    return null;
  }

  private static boolean fresh(Instant timestamp, Instant oldest) {
    return !timestamp.isBefore(oldest);
  }

  private String suffix(MetricProposal.Outcome outcome) {
    return switch (outcome) {
      case WITHIN_TOLERANCE -> " (within tolerance " + calculator.tolerance() + ")";
      case DIRECTION_HELD -> " (missing/unready pods would reverse the direction: held)";
      default -> "";
    };
  }
}
