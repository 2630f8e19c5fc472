package dev.headroom.operator.prometheus;

import java.time.Duration;

/**
 * Told about every query once it has ended, so the operator can count outcomes and time queries
 * (e.g. in Micrometer) without this package depending on a metrics library. Called on the thread
 * that ran the query; must be quick and must not throw (anything thrown is logged and ignored).
 */
@FunctionalInterface
public interface QueryObserver {

  void queryEnded(QueryType type, QueryOutcome outcome, Duration elapsed);

  /** An observer that does nothing. */
  static QueryObserver noop() {
    return (type, outcome, elapsed) -> {};
  }
}
