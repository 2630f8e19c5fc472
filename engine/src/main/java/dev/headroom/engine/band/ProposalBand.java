package dev.headroom.engine.band;

import dev.headroom.engine.hpa.MetricProposal;
import dev.headroom.engine.hpa.ReplicaCalculator;
import dev.headroom.engine.model.LoadSignal;
import dev.headroom.engine.model.SignalKind;
import dev.headroom.engine.model.SignalSample;
import java.time.Instant;

/**
 * Finds, for a value load signal, the band of values over which the HPA arithmetic proposes the
 * same replicas with the same outcome (scaled, or held within the tolerance). A host that polls
 * signals for many policies runs a policy's round only when a value leaves its band: inside it, the
 * round would change nothing the signal drives.
 *
 * <p>The band is found by asking {@link ReplicaCalculator} itself, not a copy of its formula: its
 * proposal is a non-decreasing step function of the value for fixed replica counts (the tolerance
 * band around the current count, {@code ceil(value / target)} outside it), so the values giving one
 * (replicas, outcome) pair form an interval, whose ends a bisection finds to within a relative
 * {@value #PRECISION}. The ends are rounded inwards, so a value the band holds never proposes
 * something else. {@link SignalKind#PODS} signals come from pods, not from a polled value: their
 * band is the exact value.
 */
public final class ProposalBand {

  static final double PRECISION = 1e-9;
  private static final int MAX_STEPS = 200;
  private static final double FAR = 1e15;

  private final ReplicaCalculator calculator;

  public ProposalBand(ReplicaCalculator calculator) {
    this.calculator = calculator;
  }

  /**
   * The band around {@code value} for {@code signal} at {@code current} replicas, {@code ready} of
   * them ready.
   */
  public ValueBand around(LoadSignal signal, double value, int current, int ready) {
    if (signal.kind() == SignalKind.PODS || !Double.isFinite(value) || value < 0) {
      return ValueBand.exactly(value);
    }
    Key at = key(signal, value, current, ready);
    return new ValueBand(
        low(signal, value, at, current, ready), high(signal, value, at, current, ready));
  }

  private double high(LoadSignal signal, double value, Key at, int current, int ready) {
    double same = value;
    double other = Math.max(value * 2, value + 1);
    while (key(signal, other, current, ready).equals(at)) {
      same = other;
      if (other >= FAR) {
        return Double.POSITIVE_INFINITY;
      }
      other *= 2;
    }
    return bisect(signal, same, other, at, current, ready);
  }

  private double low(LoadSignal signal, double value, Key at, int current, int ready) {
    if (key(signal, 0, current, ready).equals(at)) {
      return Double.NEGATIVE_INFINITY;
    }
    return bisect(signal, value, 0, at, current, ready);
  }

  /** The last value from {@code same} towards {@code other} still giving {@code at}. */
  private double bisect(
      LoadSignal signal, double same, double other, Key at, int current, int ready) {
    for (int i = 0;
        i < MAX_STEPS && Math.abs(other - same) > PRECISION * Math.max(1, Math.abs(same));
        i++) {
      double mid = same + (other - same) / 2;
      if (mid == same || mid == other) {
        break;
      }
      if (key(signal, mid, current, ready).equals(at)) {
        same = mid;
      } else {
        other = mid;
      }
    }
    return same;
  }

  private Key key(LoadSignal signal, double value, int current, int ready) {
    MetricProposal p =
        calculator.propose(signal, SignalSample.value(Instant.EPOCH, value), current, ready);
    return new Key(p.available(), p.replicas(), p.outcome());
  }

  private record Key(boolean available, int replicas, MetricProposal.Outcome outcome) {}
}
