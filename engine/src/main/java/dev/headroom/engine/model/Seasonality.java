package dev.headroom.engine.model;

import java.time.Duration;

/** The season a forecast learns: the period after which the load's shape repeats. */
public enum Seasonality {
  /** Every day looks alike (24 h). */
  DAILY(Duration.ofDays(1)),
  /** Every week looks alike (7 d): weekdays and weekends differ. */
  WEEKLY(Duration.ofDays(7));

  private final Duration period;

  Seasonality(Duration period) {
    this.period = period;
  }

  /** Length of one season. */
  public Duration period() {
    return period;
  }
}
