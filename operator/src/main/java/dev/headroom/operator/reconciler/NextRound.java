package dev.headroom.operator.reconciler;

import dev.headroom.engine.band.ProposalBand;
import dev.headroom.engine.band.ValueBand;
import dev.headroom.engine.model.Decision;
import dev.headroom.engine.model.LoadSignal;
import dev.headroom.engine.model.Recommendation;
import dev.headroom.engine.model.ScheduleSpec;
import dev.headroom.engine.model.SignalSample;
import dev.headroom.engine.model.Source;
import dev.headroom.engine.schedule.WindowPhase;
import dev.headroom.engine.schedule.WindowState;
import dev.headroom.operator.signal.SeriesSelector;
import dev.headroom.operator.signal.SignalWatch;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * After a round: what may wake the policy, and when its next round is due anyway.
 *
 * <p>A policy whose load signals are all shared queries ({@code matchLabels}) is woken by its
 * signals leaving their bands, by its target, its budget grant and its spec; it needs a periodic
 * round only as a safety net, the slow resync. Every other policy keeps the sync period: a
 * single-series query is only read in a round, and a decision held back by stabilization, a rate
 * policy or the budget, or driven by a forecast, can change with time alone. A schedule boundary (a
 * window's pre-scale start or its end) brings the next round forward to it.
 */
final class NextRound {

  /** A round just after a schedule boundary, not on it. */
  static final Duration AFTER_BOUNDARY = Duration.ofMillis(200);

  /** The resync is shortened by up to this share, at random, to spread rounds out. */
  static final double RESYNC_JITTER = 0.2;

  private final Duration sync;
  private final Duration resync;
  private final DoubleSupplier random;
  private final ProposalBand bands;

  /**
   * @param random uniform in [0, 1): the resync jitter
   */
  NextRound(Duration sync, Duration resync, DoubleSupplier random, ProposalBand bands) {
    this.sync = sync;
    this.resync = resync;
    this.random = random;
    this.bands = bands;
  }

  /**
   * The bands of the round's shared signals: the values each may take without changing what the
   * round decided. A signal that had no value wakes the policy when it has one again.
   */
  List<SignalWatch> watches(RoundFacts f) {
    if (f.readings == null || f.readings.shared().isEmpty() || f.spec == null) {
      return List.of();
    }
    List<SignalWatch> watches = new ArrayList<>(f.readings.shared().size());
    for (Map.Entry<String, SeriesSelector> e : f.readings.shared().entrySet()) {
      SignalSample sample = f.readings.signals().get(e.getKey());
      Optional<LoadSignal> signal =
          f.spec.load().stream().filter(s -> s.name().equals(e.getKey())).findFirst();
      Optional<ValueBand> band = Optional.empty();
      if (sample != null && sample.value().isPresent() && signal.isPresent()) {
        band =
            Optional.of(
                bands.around(
                    signal.get(),
                    sample.value().getAsDouble(),
                    f.snapshot.specReplicas(),
                    f.snapshot.readyReplicas()));
      }
      watches.add(new SignalWatch(e.getValue(), band));
    }
    return watches;
  }

  /**
   * When the next round is due, given the delay the round itself asked for ({@code planned}: the
   * sync period, or the short poll while a change is under way).
   */
  Duration delay(RoundFacts f, Duration planned, Instant now) {
    Duration delay = planned;
    if (planned.equals(sync) && wokenBySignals(f)) {
      delay =
          resync.minus(
              Duration.ofMillis((long) (resync.toMillis() * RESYNC_JITTER * random.getAsDouble())));
    }
    Optional<Instant> boundary = f.decided().isEmpty() ? Optional.empty() : nextBoundary(f);
    if (boundary.isPresent()) {
      Duration until = Duration.between(now, boundary.get()).plus(AFTER_BOUNDARY);
      if (!until.isNegative() && until.compareTo(delay) < 0) {
        delay = until;
      }
    }
    return delay;
  }

  /**
   * Whether nothing but the policy's shared signals, target, grant or spec can change its decision.
   */
  private boolean wokenBySignals(RoundFacts f) {
    if (f.decision == null || f.readings == null || f.forecastEnabled) {
      return false;
    }
    if (!f.readings.complete() || !f.readings.allShared(f.loadSpec())) {
      return false;
    }
    return !held(f.decision);
  }

  /**
   * A decision other than what its sources ask within bounds: stabilization, a rate policy or the
   * budget hold it.
   */
  static boolean held(Decision d) {
    Optional<Recommendation> bounds = d.recommendation(Source.BOUNDS);
    return d.budgetLimited() || bounds.isEmpty() || bounds.get().replicas() != d.desiredReplicas();
  }

  private Optional<Instant> nextBoundary(RoundFacts f) {
    if (f.schedules == null) {
      return Optional.empty();
    }
    Instant next = null;
    for (WindowState w : f.schedules.windows()) {
      Duration lead =
          f.spec.schedules().stream()
              .filter(s -> s.name().equals(w.name()))
              .map(ScheduleSpec::leadTime)
              .findFirst()
              .orElse(Duration.ZERO);
      if (w.phase() != WindowPhase.INACTIVE && w.windowEnd().isPresent()) {
        next = earlier(next, w.windowEnd().get());
      }
      if (w.phase() == WindowPhase.PRE_SCALE && w.windowStart().isPresent()) {
        next = earlier(next, w.windowStart().get());
      }
      if (w.nextStart().isPresent()) {
        next = earlier(next, w.nextStart().get().minus(lead));
      }
    }
    return Optional.ofNullable(next);
  }

  private static Instant earlier(Instant a, Instant b) {
    return a == null || b.isBefore(a) ? b : a;
  }
}
