package dev.headroom.simulator.quality;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A Kubernetes HPA v2 written from the upstream controller ({@code
 * pkg/controller/podautoscaler/horizontal.go} and {@code replica_calculator.go}) without the
 * engine's classes, so that the quality benchmark compares Headroom with an HPA it does not share
 * code with. Scope: one External metric with an {@code AverageValue} target, tolerance 0.1, the
 * default {@code behavior} (scale-up: no stabilization, the larger of +100 % and +4 pods per 15 s;
 * scale-down: 300 s stabilization, -100 % per 15 s), {@code minReplicas}/{@code maxReplicas}.
 *
 * <p>Quantities are compared in milli-units, as Kubernetes does with {@code
 * resource.Quantity.MilliValue()}: {@code ceil(usage / target)} of 3.2 and 0.1 is 32, not the 33 of
 * floating point's 32.00000000000001.
 */
public final class ReferenceHpa {

  static final double TOLERANCE = 0.1;
  static final long UP_PERIOD = 15;
  static final long DOWN_PERIOD = 15;
  static final long DOWN_WINDOW = 300;
  static final int UP_PODS = 4;

  private record Stamped(long at, int value) {}

  private final int min;
  private final int max;
  private final long targetMilli;
  private final Deque<Stamped> recommendations = new ArrayDeque<>();
  private final List<Stamped> events = new ArrayList<>();
  private int replicas;

  /**
   * @param target the per-replica target (requests per second)
   * @param min {@code minReplicas}, at least 1
   * @param max {@code maxReplicas}
   * @param initial the replicas at the start
   */
  public ReferenceHpa(double target, int min, int max, int initial) {
    if (!(target > 0) || min < 1 || max < min) {
      throw new IllegalArgumentException(
          "need target > 0 and 1 <= min <= max, got target " + target + ", " + min + ".." + max);
    }
    this.targetMilli = Math.max(1, milli(target));
    this.min = min;
    this.max = max;
    this.replicas = initial;
  }

  public int replicas() {
    return replicas;
  }

  /** One sync at {@code now} (seconds) with the metric's total {@code usage}; the new replicas. */
  public int sync(long now, double usage) {
    int current = replicas;
    int desired;
    if (current > max) {
      desired = max;
    } else if (current < min) {
      desired = min;
    } else {
      desired = normalize(now, current, proposal(current, usage));
    }
    if (desired != current) {
      events.add(new Stamped(now, desired - current));
      replicas = desired;
    }
    return replicas;
  }

  /** {@code GetExternalPerPodMetricReplicas}: the tolerance test, then ceil(usage / target). */
  int proposal(int current, double usage) {
    long usageMilli = milli(usage);
    double ratio = (double) usageMilli / ((double) targetMilli * current);
    if (Math.abs(1.0 - ratio) <= TOLERANCE) {
      return current;
    }
    return (int) Math.min(Integer.MAX_VALUE, (usageMilli + targetMilli - 1) / targetMilli);
  }

  /** {@code normalizeDesiredReplicasWithBehaviors}: stabilization, then the rate limits. */
  private int normalize(long now, int current, int proposed) {
    int up = proposed;
    int down = proposed;
    while (!recommendations.isEmpty() && recommendations.peekFirst().at() <= now - DOWN_WINDOW) {
      recommendations.removeFirst();
    }
    for (Stamped r : recommendations) {
      down = Math.max(down, r.value());
    }
    recommendations.addLast(new Stamped(now, proposed));
    int stabilized = current;
    if (stabilized < up) {
      stabilized = up;
    }
    if (stabilized > down) {
      stabilized = down;
    }
    if (stabilized > current) {
      int start = current - changeSince(now - UP_PERIOD, true);
      long byPercent = (long) Math.ceil(start * 2.0);
      long byPods = (long) start + UP_PODS;
      long limit = Math.min(max, Math.max(byPercent, byPods));
      return (int) Math.min(stabilized, limit);
    }
    if (stabilized < current) {
      // -100 % per period: the limit is 0, so only minReplicas holds it.
      return Math.max(Math.max(stabilized, min), 0);
    }
    return Math.max(min, Math.min(max, stabilized));
  }

  /** Replicas added (up) or removed (down) by scale events after {@code cutoff}. */
  private int changeSince(long cutoff, boolean up) {
    int sum = 0;
    events.removeIf(e -> e.at() <= cutoff - Math.max(UP_PERIOD, DOWN_PERIOD));
    for (Stamped e : events) {
      if (e.at() > cutoff && (up ? e.value() > 0 : e.value() < 0)) {
        sum += Math.abs(e.value());
      }
    }
    return sum;
  }

  /** A quantity in milli-units, rounded up as {@code Quantity.MilliValue()} does. */
  static long milli(double value) {
    double scaled = value * 1000;
    double rounded = Math.rint(scaled);
    if (Math.abs(scaled - rounded) < 1e-6 * Math.max(1, Math.abs(scaled))) {
      return (long) rounded;
    }
    return (long) Math.ceil(scaled);
  }
}
