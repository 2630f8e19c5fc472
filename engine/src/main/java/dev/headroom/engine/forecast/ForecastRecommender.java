package dev.headroom.engine.forecast;

import dev.headroom.engine.EngineConfig;
import dev.headroom.engine.hpa.MetricProposal;
import dev.headroom.engine.hpa.ReplicaCalculator;
import dev.headroom.engine.model.ForecastSpec;
import dev.headroom.engine.model.LoadSignal;
import dev.headroom.engine.model.PolicySpec;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Turns a forecast's predicted load into replicas with the arithmetic the reactive path uses for
 * the forecast signal's kind ({@link ReplicaCalculator}, same tolerance), so that a prediction
 * equal to the observed value gives the reactive recommendation:
 *
 * <ul>
 *   <li>{@code AverageValue}: {@code ceil(load / target)} unless within tolerance of the current
 *       replicas;
 *   <li>{@code Value}: {@code ceil(load / target x replicas)}, counting every current replica as
 *       ready (the forecast is about the near future, when they are);
 *   <li>{@code Pods}: the history is the sum over pods, so each of the current replicas carries
 *       {@code load / replicas}: {@code ceil(load / target)} unless within tolerance.
 * </ul>
 *
 * <p>The result is not clamped to the policy's bounds: {@link dev.headroom.engine.DecisionEngine}
 * takes the maximum with the reactive and schedule recommendations and then clamps, so a forecast
 * can only raise the decision.
 */
public final class ForecastRecommender {

  private final ReplicaCalculator calculator;

  public ForecastRecommender() {
    this(EngineConfig.defaults());
  }

  public ForecastRecommender(EngineConfig config) {
    this.calculator = new ReplicaCalculator(config.tolerance());
  }

  /**
   * The load signal a policy's forecast follows: the one named by {@code forecast.signal}, else the
   * first load signal. Empty when the policy has no forecast, no load signal, or names one it does
   * not have.
   */
  public static Optional<LoadSignal> signal(PolicySpec spec) {
    if (spec.forecast().isEmpty() || spec.load().isEmpty()) {
      return Optional.empty();
    }
    ForecastSpec f = spec.forecast().get();
    if (f.signal() == null || f.signal().isBlank()) {
      return Optional.of(spec.load().get(0));
    }
    return spec.load().stream().filter(s -> s.name().equals(f.signal())).findFirst();
  }

  /**
   * Replicas that carry the forecast's predicted load, or empty when the forecast is not ready, the
   * policy's forecast is disabled or the signal is unknown.
   */
  public OptionalInt replicas(PolicySpec spec, Forecast forecast, int currentReplicas) {
    if (forecast == null
        || !forecast.ready()
        || forecast.predictedLoad().isEmpty()
        || spec.forecast().map(f -> !f.enabled()).orElse(true)) {
      return OptionalInt.empty();
    }
    Optional<LoadSignal> signal = signal(spec);
    if (signal.isEmpty() || !(signal.get().target() > 0)) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(
        replicasFor(
            signal.get(), forecast.predictedLoad().getAsDouble(), Math.max(0, currentReplicas)));
  }

  /** Replicas for {@code load} on {@code signal}, with the reactive path's arithmetic. */
  public int replicasFor(LoadSignal signal, double load, int currentReplicas) {
    if (!Double.isFinite(load) || load < 0) {
      return currentReplicas;
    }
    MetricProposal p =
        switch (signal.kind()) {
          case VALUE -> calculator.value(currentReplicas, currentReplicas, load, signal.target());
          case AVERAGE_VALUE, PODS ->
              calculator.averageValue(currentReplicas, load, signal.target());
        };
    return p.replicas();
  }
}
