package dev.headroom.operator.forecast;

import dev.headroom.operator.api.v1alpha1.ForecastStatus;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the forecast of one policy gives one reconcile: the replicas it asks for (only when it is
 * ready), the {@code ForecastReady} condition's reason and sentence, and the status block.
 */
public record ForecastOutcome(
    OptionalInt replicas,
    boolean ready,
    String reason,
    String message,
    Optional<ForecastStatus> status) {

  public ForecastOutcome {
    Objects.requireNonNull(replicas, "replicas");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(status, "status");
    if (replicas.isPresent() && !ready) {
      throw new IllegalArgumentException("a forecast that is not ready asks for no replicas");
    }
  }

  /** Not ready: the decision goes on without the forecast. */
  public static ForecastOutcome notReady(
      String reason, String message, Optional<ForecastStatus> status) {
    return new ForecastOutcome(OptionalInt.empty(), false, reason, message, status);
  }
}
