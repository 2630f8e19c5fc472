package dev.headroom.operator.forecast;

import dev.headroom.operator.prometheus.TimedValue;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The history a reconcile may use right now: the last good answer of a range query, if there is
 * one, and the error of the latest attempt, if it failed.
 *
 * @param samples oldest first; empty when Prometheus had no samples or nothing was fetched yet
 * @param end the end of the range the samples cover, when a query succeeded
 * @param error why the latest query failed, if it did
 */
public record History(
    HistoryKey key,
    State state,
    List<TimedValue> samples,
    Optional<Instant> end,
    Optional<String> error) {

  /** Where the history of a policy stands. */
  public enum State {
    /** No query has answered yet and none has failed: one is under way or queued. */
    PENDING,
    /** No query has answered yet and the latest failed. */
    FAILED,
    /** A query answered; {@link #samples()} is its answer, possibly empty. */
    FETCHED
  }

  public History {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(state, "state");
    samples = List.copyOf(samples);
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(error, "error");
  }
}
