package dev.headroom.engine;

import dev.headroom.engine.capacity.CapacityModel;
import dev.headroom.engine.capacity.CapacityRecommendation;
import dev.headroom.engine.hpa.MetricProposal;
import dev.headroom.engine.hpa.ReplicaCalculator;
import dev.headroom.engine.model.LoadSignal;
import dev.headroom.engine.model.Observation;
import dev.headroom.engine.model.PolicySpec;
import dev.headroom.engine.model.Recommendation;
import dev.headroom.engine.model.SignalKind;
import dev.headroom.engine.model.SignalSample;
import dev.headroom.engine.model.Source;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Load signals (HPA algorithm) and concurrency (capacity model) to one load-based
 * recommendation, with the HPA's rule for missing metrics extended to fail static: when no
 * signal has data, or some have none and the others would scale in, the current replica count
 * is kept.
 */
final class LoadEvaluator {

  private final ReplicaCalculator calculator;
  private final CapacityModel capacityModel = new CapacityModel();
  private final EngineConfig config;

  LoadEvaluator(EngineConfig config) {
    this.config = config;
    this.calculator = new ReplicaCalculator(config.tolerance(), config.scaleUpTolerance());
  }

  LoadOutcome evaluate(PolicySpec spec, Observation obs) {
    int current = obs.currentReplicas();
    List<String> reasons = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    List<Recommendation> recs = new ArrayList<>();
    Recommendation best = null;
    boolean allWithinTolerance = true;

    Recommendation reactive = null;
    for (LoadSignal signal : spec.load()) {
      Optional<String> problem = problem(signal, obs.signals().get(signal.name()), obs);
      if (problem.isPresent()) {
        missing.add(signal.name());
        reasons.add("reactive: '" + signal.name() + "' " + problem.get());
        continue;
      }
      MetricProposal p = calculator.propose(
          signal, obs.signals().get(signal.name()), current, obs.readyReplicas());
      if (!p.available()) {
        missing.add(signal.name());
        reasons.add("reactive: '" + signal.name() + "' " + p.explanation());
        continue;
      }
      String why = "reactive: " + signal.name() + " " + p.explanation() + " -> " + p.replicas()
          + suffix(p.outcome());
      reasons.add(why);
      allWithinTolerance &= p.outcome() != MetricProposal.Outcome.SCALED;
      if (reactive == null || p.replicas() > reactive.replicas()) {
        reactive = new Recommendation(Source.REACTIVE, p.replicas(), why);
      }
    }
    if (reactive != null) {
      recs.add(reactive);
      best = reactive;
    }

    if (spec.concurrency().isPresent()) {
      Optional<CapacityRecommendation> cap = fresh(obs, obs.concurrency().map(c -> c.timestamp()))
          ? capacityModel.recommend(spec.concurrency().get(), spec.capacities(), obs.concurrency())
          : Optional.empty();
      if (cap.isEmpty()) {
        missing.add(spec.concurrency().get().name());
        reasons.add("capacity: '" + spec.concurrency().get().name() + "' has no fresh data");
      } else {
        Recommendation capacity =
            new Recommendation(Source.CAPACITY, cap.get().replicas(), cap.get().reason());
        recs.add(capacity);
        reasons.add(cap.get().reason());
        allWithinTolerance = false;
        if (best == null || capacity.replicas() > best.replicas()) {
          best = capacity;
        }
      }
    }

    int configured = spec.load().size() + (spec.concurrency().isPresent() ? 1 : 0);
    boolean available = missing.isEmpty();
    if (configured > 0 && (best == null || (!available && best.replicas() < current))) {
      String why = "fail static: no fresh data for " + String.join(", ", missing)
          + (best == null ? "" : " and the rest would scale in to " + best.replicas())
          + "; keeping " + current + " replicas";
      Recommendation hold = new Recommendation(Source.FAIL_STATIC, current, why);
      recs.add(hold);
      reasons.add(why);
      return new LoadOutcome(Optional.of(hold), recs, false, false, reasons);
    }
    return new LoadOutcome(
        Optional.ofNullable(best), recs, available, best != null && allWithinTolerance, reasons);
  }

  private Optional<String> problem(LoadSignal signal, SignalSample sample, Observation obs) {
    if (sample == null) {
      return Optional.of("has no data");
    }
    if (!fresh(obs, sample.timestamp())) {
      return Optional.of("data is older than " + config.maxSampleAge());
    }
    if (signal.kind() != SignalKind.PODS) {
      if (sample.value().isEmpty() || !Double.isFinite(sample.value().getAsDouble())) {
        return Optional.of("has no usable value");
      }
      if (signal.kind() == SignalKind.VALUE && obs.readyReplicas() == 0
          && obs.currentReplicas() > 0) {
        return Optional.of("cannot be spread: no ready replicas");
      }
    }
    return Optional.empty();
  }

  private boolean fresh(Observation obs, Optional<Instant> timestamp) {
    return timestamp.isEmpty()
        || !timestamp.get().isBefore(obs.now().minus(config.maxSampleAge()));
  }

  private String suffix(MetricProposal.Outcome outcome) {
    return switch (outcome) {
      case WITHIN_TOLERANCE -> " (within tolerance " + calculator.tolerance() + ")";
      case DIRECTION_HELD -> " (missing/unready pods would reverse the direction: held)";
      default -> "";
    };
  }
}
