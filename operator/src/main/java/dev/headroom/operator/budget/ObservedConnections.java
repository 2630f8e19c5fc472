package dev.headroom.operator.budget;

import dev.headroom.engine.grant.Measurement;
import dev.headroom.operator.api.v1alpha1.ObservedUsage;
import dev.headroom.operator.prometheus.PrometheusClient;
import dev.headroom.operator.prometheus.PrometheusException;
import java.time.Instant;

/**
 * Measures a budget's {@code spec.observed}: the connections really in use, e.g. {@code
 * sum(pg_stat_activity_count{usename="app"})} from postgres_exporter. A query that fails or answers
 * no connection count is a failed measurement (grows wait), never an exception.
 */
public final class ObservedConnections {

  private final PrometheusClient prometheus;

  public ObservedConnections(PrometheusClient prometheus) {
    this.prometheus = prometheus;
  }

  /** The measurement, and why it failed (null when it did not). */
  public record Reading(Measurement measurement, String failure) {}

  /**
   * The limit in force and why the downstream's own could not be read (null when it was, or not
   * asked).
   */
  public record Limit(int maxConnections, String failure) {}

  /**
   * The connection limit in force: {@code specMax}, or the smaller of it and what {@code
   * spec.observed.maxConnectionsQuery} reads (e.g. PostgreSQL's {@code max_connections} from
   * postgres_exporter), so that neither a stale spec nor a lowered server setting is exceeded. A
   * query that fails or answers no positive count leaves {@code specMax}, with the reason.
   */
  public Limit limit(ObservedUsage observed, int specMax, Instant at) {
    if (observed == null || observed.getMaxConnectionsQuery() == null) {
      return new Limit(specMax, null);
    }
    double value;
    try {
      value = prometheus.instantValue(observed.getMaxConnectionsQuery(), at);
    } catch (PrometheusException e) {
      return new Limit(specMax, "spec.observed.maxConnectionsQuery: " + e.getMessage());
    }
    if (!Double.isFinite(value) || value < 1) {
      return new Limit(
          specMax,
          "spec.observed.maxConnectionsQuery: the query answered "
              + value
              + ", not a connection limit");
    }
    return new Limit((int) Math.min(specMax, Math.floor(value)), null);
  }

  public Reading read(ObservedUsage observed, Instant at) {
    if (observed == null) {
      return new Reading(Measurement.none(), null);
    }
    double value;
    try {
      value = prometheus.instantValue(observed.getQuery(), at);
    } catch (PrometheusException e) {
      return new Reading(Measurement.failed(), "spec.observed: " + e.getMessage());
    }
    if (!Double.isFinite(value) || value < 0 || value > Integer.MAX_VALUE) {
      return new Reading(
          Measurement.failed(),
          "spec.observed: the query answered " + value + ", not a count of connections");
    }
    return new Reading(Measurement.of(Math.round(value)), null);
  }
}
