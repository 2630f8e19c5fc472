package dev.headroom.engine.hpa;

import dev.headroom.engine.hpa.MetricProposal.Outcome;
import dev.headroom.engine.model.LoadSignal;
import dev.headroom.engine.model.PodSample;
import dev.headroom.engine.model.Reason;
import dev.headroom.engine.model.SignalSample;
import java.util.List;
import java.util.Locale;

/**
 * Turns (current replicas, target, observed metric) into a replica proposal with the arithmetic of
 * the Kubernetes HPA v2 ({@code pkg/controller/podautoscaler/replica_calculator.go}): usage ratio,
 * tolerance, per-pod metrics with missing pods (100% of target on scale-down, 0 on scale-up) and
 * unready pods (0 on scale-up, left out otherwise), refusal to reverse the scale direction, and
 * value / average-value targets.
 *
 * <p>Stateless and side-effect free. The tolerance is a constructor argument (HPA default 0.1).
 */
public final class ReplicaCalculator {

  /** The HPA's default tolerance. */
  public static final double DEFAULT_TOLERANCE = 0.1;

  private final double tolerance;
  private final double scaleUpTolerance;

  public ReplicaCalculator(double tolerance) {
    this(tolerance, tolerance);
  }

  /**
   * A calculator with a different tolerance above a usage ratio of 1 (Kubernetes 1.33 {@code
   * behavior.scaleUp.tolerance}); {@code tolerance} applies below it.
   */
  public ReplicaCalculator(double tolerance, double scaleUpTolerance) {
    if (!(tolerance >= 0) || !(scaleUpTolerance >= 0)) {
      throw new IllegalArgumentException(
          "tolerance must be >= 0, got " + tolerance + " and " + scaleUpTolerance);
    }
    this.tolerance = tolerance;
    this.scaleUpTolerance = scaleUpTolerance;
  }

  public double tolerance() {
    return tolerance;
  }

  /** Whether a usage ratio is close enough to 1 to leave replicas unchanged. */
  public boolean withinTolerance(double usageRatio) {
    return usageRatio > 1.0 ? usageRatio - 1.0 <= scaleUpTolerance : 1.0 - usageRatio <= tolerance;
  }

  /** Dispatches on the signal kind. */
  public MetricProposal propose(
      LoadSignal signal, SignalSample sample, int currentReplicas, int readyReplicas) {
    return switch (signal.kind()) {
      case PODS -> podsMetric(currentReplicas, signal.target(), sample.pods());
      case VALUE ->
          sample.value().isPresent()
              ? value(currentReplicas, readyReplicas, sample.value().getAsDouble(), signal.target())
              : MetricProposal.unavailable("no value");
      case AVERAGE_VALUE ->
          sample.value().isPresent()
              ? averageValue(currentReplicas, sample.value().getAsDouble(), signal.target())
              : MetricProposal.unavailable("no value");
    };
  }

  /**
   * Per-pod metric with an average target (HPA {@code Pods} metric, {@code
   * calcPlainMetricReplicas}).
   */
  public MetricProposal podsMetric(int currentReplicas, double targetPerPod, List<PodSample> pods) {
    PodGroups groups = PodGroups.of(pods);
    if (groups.ready() == 0) {
      return MetricProposal.unavailable("did not receive metrics for targeted pods");
    }
    double usage = groups.readyAverage();
    double usageRatio = usage / targetPerPod;
    boolean scaleUpWithUnready = groups.unready() > 0 && usageRatio > 1.0;

    if (!scaleUpWithUnready && groups.missing() == 0) {
      if (withinTolerance(usageRatio)) {
        return MetricProposal.of(
            currentReplicas, usage, Outcome.WITHIN_TOLERANCE, ratioText(usage, targetPerPod));
      }
      return MetricProposal.of(
          ceilToInt(usageRatio * groups.ready()),
          usage,
          Outcome.SCALED,
          ratioText(usage, targetPerPod));
    }

    double total = groups.readySum();
    int counted = groups.ready();
    if (groups.missing() > 0) {
      if (usageRatio < 1.0) {
        total += targetPerPod * groups.missing();
        counted += groups.missing();
      } else if (usageRatio > 1.0) {
        counted += groups.missing();
      }
    }
    if (scaleUpWithUnready) {
      counted += groups.unready();
    }
    double newUsageRatio = total / counted / targetPerPod;
    return settle(
        currentReplicas, usage, usageRatio, newUsageRatio, counted, ratioText(usage, targetPerPod));
  }

  /**
   * Resource utilization target in percent of the request (HPA {@code Resource} metric with {@code
   * averageUtilization}, {@code GetResourceReplicas}). Integer milli-units and an integer
   * utilization percent, exactly as upstream.
   */
  public MetricProposal resourceUtilization(
      int currentReplicas, int targetUtilizationPercent, List<PodUsage> pods) {
    for (PodUsage pod : pods) {
      if (pod.requestMilli() <= 0) {
        return MetricProposal.unavailable("missing request for pod " + pod.pod());
      }
    }
    long readyUsage = 0;
    long readyRequests = 0;
    int readyCount = 0;
    long unreadyRequests = 0;
    int unready = 0;
    long missingRequests = 0;
    int missing = 0;
    for (PodUsage pod : pods) {
      if (!pod.ready()) {
        unready++;
        unreadyRequests += pod.requestMilli();
      } else if (pod.usageMilli().isEmpty()) {
        missing++;
        missingRequests += pod.requestMilli();
      } else {
        readyCount++;
        readyUsage += pod.usageMilli().getAsLong();
        readyRequests += pod.requestMilli();
      }
    }
    if (readyCount == 0) {
      return MetricProposal.unavailable("did not receive metrics for targeted pods");
    }
    long utilization = readyUsage * 100 / readyRequests;
    double usageRatio = (double) utilization / targetUtilizationPercent;
    boolean scaleUpWithUnready = unready > 0 && usageRatio > 1.0;
    Reason text =
        () ->
            String.format(
                Locale.ROOT,
                "utilization %d%% / target %d%%",
                utilization,
                targetUtilizationPercent);

    if (!scaleUpWithUnready && missing == 0) {
      if (withinTolerance(usageRatio)) {
        return MetricProposal.of(currentReplicas, utilization, Outcome.WITHIN_TOLERANCE, text);
      }
      return MetricProposal.of(
          ceilToInt(usageRatio * readyCount), utilization, Outcome.SCALED, text);
    }

    long usage = readyUsage;
    long requests = readyRequests;
    int counted = readyCount;
    if (missing > 0) {
      if (usageRatio < 1.0) {
        long fallbackPercent = Math.max(100, targetUtilizationPercent);
        usage += missingRequests * fallbackPercent / 100;
        requests += missingRequests;
        counted += missing;
      } else if (usageRatio > 1.0) {
        requests += missingRequests;
        counted += missing;
      }
    }
    if (scaleUpWithUnready) {
      requests += unreadyRequests;
      counted += unready;
    }
    double newUsageRatio = (double) (usage * 100 / requests) / targetUtilizationPercent;
    return settle(currentReplicas, utilization, usageRatio, newUsageRatio, counted, text);
  }

  /**
   * Total value against a total target, applied to the ready pods (HPA External/Object metric with
   * a {@code Value} target, {@code getUsageRatioReplicaCount}). With zero current replicas the
   * ratio alone decides (scale from zero).
   */
  public MetricProposal value(int currentReplicas, int readyReplicas, double value, double target) {
    double usageRatio = value / target;
    Reason text = ratioText(value, target);
    if (currentReplicas == 0) {
      return MetricProposal.of(ceilToInt(usageRatio), value, Outcome.SCALED, text);
    }
    if (withinTolerance(usageRatio)) {
      return MetricProposal.of(currentReplicas, value, Outcome.WITHIN_TOLERANCE, text);
    }
    return MetricProposal.of(ceilToInt(usageRatio * readyReplicas), value, Outcome.SCALED, text);
  }

  /**
   * Total value against a per-replica target, divided by the current replica count (HPA
   * External/Object metric with an {@code AverageValue} target).
   */
  public MetricProposal averageValue(int currentReplicas, double total, double targetPerReplica) {
    double usageRatio = total / (targetPerReplica * currentReplicas);
    Reason text =
        () -> String.format(Locale.ROOT, "%s / %s per replica", fmt(total), fmt(targetPerReplica));
    double perReplica = currentReplicas == 0 ? total : total / currentReplicas;
    if (currentReplicas > 0 && withinTolerance(usageRatio)) {
      return MetricProposal.of(currentReplicas, perReplica, Outcome.WITHIN_TOLERANCE, text);
    }
    return MetricProposal.of(ceilToInt(total / targetPerReplica), perReplica, Outcome.SCALED, text);
  }

  private MetricProposal settle(
      int currentReplicas,
      double usage,
      double usageRatio,
      double newUsageRatio,
      int counted,
      Reason text) {
    boolean reversed =
        (usageRatio < 1.0 && newUsageRatio > 1.0) || (usageRatio > 1.0 && newUsageRatio < 1.0);
    if (withinTolerance(newUsageRatio) || reversed) {
      return MetricProposal.of(currentReplicas, usage, Outcome.DIRECTION_HELD, text);
    }
    int newReplicas = ceilToInt(newUsageRatio * counted);
    if ((newUsageRatio < 1.0 && newReplicas > currentReplicas)
        || (newUsageRatio > 1.0 && newReplicas < currentReplicas)) {
      return MetricProposal.of(currentReplicas, usage, Outcome.DIRECTION_HELD, text);
    }
    return MetricProposal.of(newReplicas, usage, Outcome.SCALED, text);
  }

  /**
   * The ceiling, ignoring float noise: a value within a relative 1e-9 of an integer is that integer
   * (32.00000000000001 is 32, not 33). Kubernetes gets the same from doing the division on integer
   * milli-unit quantities ({@code resource.Quantity.MilliValue()}).
   */
  static int ceilToInt(double value) {
    if (Double.isNaN(value)) {
      return 0;
    }
    double nearest = Math.rint(value);
    double ceiled =
        Math.abs(value - nearest) <= 1e-9 * Math.max(1, Math.abs(value))
            ? nearest
            : Math.ceil(value);
    if (ceiled >= Integer.MAX_VALUE) {
      return Integer.MAX_VALUE;
    }
    return (int) Math.max(0, ceiled);
  }

  private static Reason ratioText(double usage, double target) {
    return () -> fmt(usage) + " / " + fmt(target);
  }

  static String fmt(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return String.format(Locale.ROOT, "%.2f", value);
  }
}
