package dev.headroom.simulator.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * When a policy's forecast was not ready during a run, and why: the forecaster's own reason (e.g.
 * "history covers 2d 12h, needs one weekly season plus the horizon (7d 2h)").
 *
 * @param forecasts forecasts computed
 * @param notReady how many of them were not ready
 * @param reasonBeforeReady the reason of the last forecast that was not ready before the first
 *     ready one, or of the last of all if none was ready (empty if all were ready)
 * @param lastReason the reason of the last forecast that was not ready (empty if all were)
 * @param readyFrom when the first ready forecast was made (empty if none was)
 * @param lastNotReadyAt when the last forecast that was not ready was made (empty if all were)
 */
public record ForecastReadiness(
    long forecasts,
    long notReady,
    Optional<String> reasonBeforeReady,
    Optional<String> lastReason,
    Optional<Instant> readyFrom,
    Optional<Instant> lastNotReadyAt) {

  /** No forecast made yet. */
  public static ForecastReadiness none() {
    return new ForecastReadiness(
        0, 0, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** This readiness with one more forecast, made at {@code at}. */
  public ForecastReadiness with(Instant at, boolean ready, String reason) {
    if (ready) {
      return new ForecastReadiness(
          forecasts + 1,
          notReady,
          reasonBeforeReady,
          lastReason,
          readyFrom.isPresent() ? readyFrom : Optional.of(at),
          lastNotReadyAt);
    }
    return new ForecastReadiness(
        forecasts + 1,
        notReady + 1,
        readyFrom.isPresent() ? reasonBeforeReady : Optional.of(reason),
        Optional.of(reason),
        readyFrom,
        Optional.of(at));
  }

  /**
   * One sentence on when and why the forecast was not ready, measured from {@code start}, or empty
   * when every forecast was ready.
   */
  public Optional<String> note(String policy, Instant start) {
    if (notReady == 0) {
      return Optional.empty();
    }
    String share = String.format(Locale.ROOT, "%d of %d forecasts", notReady, forecasts);
    if (readyFrom.isEmpty()) {
      return Optional.of(
          policy
              + ": forecast never ready ("
              + share
              + "): "
              + lastReason.orElseThrow()
              + "; the reactive path alone decided");
    }
    String note =
        policy
            + ": forecast not ready until "
            + readyFrom.get()
            + " ("
            + days(Duration.between(start, readyFrom.get()))
            + " into the trace; "
            + share
            + " not ready): "
            + reasonBeforeReady.orElseThrow();
    if (lastNotReadyAt.isPresent() && lastNotReadyAt.get().isAfter(readyFrom.get())) {
      note += "; last not ready at " + lastNotReadyAt.get() + ": " + lastReason.orElseThrow();
    }
    return Optional.of(note);
  }

  private static String days(Duration d) {
    return String.format(Locale.ROOT, "%.1f days", d.getSeconds() / 86400.0);
  }
}
