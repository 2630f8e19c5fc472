package dev.headroom.operator.forecast;

import java.time.Duration;
import java.util.Objects;

/**
 * What a policy's history is: one PromQL query over {@code lookback} sampled every {@code step}. A
 * change of any part (a new spec, a re-created policy) is a different history.
 */
public record HistoryKey(String policyUid, String query, Duration lookback, Duration step) {

  /** The finest step used; finer than the forecaster's season buckets brings nothing. */
  public static final Duration MIN_STEP = Duration.ofMinutes(5);

  public HistoryKey {
    Objects.requireNonNull(policyUid, "policyUid");
    Objects.requireNonNull(query, "query");
    if (lookback.isNegative() || lookback.isZero()) {
      throw new IllegalArgumentException("lookback must be positive, got " + lookback);
    }
    if (step.isNegative() || step.isZero()) {
      throw new IllegalArgumentException("step must be positive, got " + step);
    }
  }

  /**
   * The key of {@code query} over {@code lookback} with the finest step (at least {@link
   * #MIN_STEP}, in whole minutes) whose range fits in {@code maxPoints} points, Prometheus' limit
   * per series (11,000 by default).
   */
  public static HistoryKey of(String policyUid, String query, Duration lookback, int maxPoints) {
    if (maxPoints < 2) {
      throw new IllegalArgumentException("maxPoints must be at least 2, got " + maxPoints);
    }
    long minutes =
        Math.max(MIN_STEP.toMinutes(), ceilDiv(lookback.toSeconds(), 60L * (maxPoints - 1)));
    return new HistoryKey(policyUid, query, lookback, Duration.ofMinutes(minutes));
  }

  /** Points a range of {@code lookback} at {@code step} holds, both ends included. */
  public long points() {
    return lookback.toSeconds() / step.toSeconds() + 1;
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }
}
