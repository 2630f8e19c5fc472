package dev.headroom.operator.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Operator-wide settings ({@code headroom.*} in application.properties, or HEADROOM_* env vars).
 * Prometheus endpoints live here, not in policies, so a tenant cannot aim the operator at an
 * arbitrary URL.
 */
@ConfigMapping(prefix = "headroom")
public interface HeadroomConfig {

  Prometheus prometheus();

  /**
   * How often a policy is re-evaluated when its signals cannot wake it (HPA: 15s): a signal without
   * matchLabels or a concurrency signal, a decision held by stabilization, a rate policy or the
   * budget, a forecast, or a target or budget that blocks it.
   */
  @WithDefault("15s")
  Duration syncPeriod();

  /**
   * How often a steady policy whose signals all wake it (matchLabels) runs a round anyway, with up
   * to a fifth less at random so that policies created together spread out.
   */
  @WithDefault("5m")
  Duration resyncPeriod();

  Signals signals();

  /**
   * How long after Headroom changes a ConfigMap-delivered pool size every pod is taken to run the
   * new size (the kubelet's sync of the mounted file, then the application's reload). Until then a
   * smaller size counts as the larger one it replaces, so a shrink frees nothing before it
   * happened.
   */
  @WithDefault("2m")
  Duration configMapApplyTime();

  /** How often a budget re-checks its consumers while a two-phase change is under way. */
  @WithDefault("2s")
  Duration transitionPollPeriod();

  /** How often a stable budget re-checks its consumers. */
  @WithDefault("30s")
  Duration budgetSyncPeriod();

  /** Repeated identical events within this interval are not emitted again. */
  @WithDefault("5m")
  Duration eventDedupInterval();

  /**
   * Longest a policy's status may stay unwritten while only its stabilization history changes (see
   * policy.RecommendationMemory); 0 writes the status every round.
   */
  @WithDefault("1h")
  Duration recommendationsPersistPeriod();

  LeaderElectionSettings leaderElection();

  Shard shard();

  ClockSettings clock();

  ForecastSettings forecast();

  TimelineSettings timeline();

  /** The decision timeline page and its in-memory store (see docs/operations.md). */
  interface TimelineSettings {
    /** Serve the read-only page on /headroom on the HTTP port. */
    @WithDefault("true")
    boolean enabled();

    /** Rounds kept per policy; the oldest go first. 240 rounds are an hour at a 15 s sync. */
    @WithDefault("240")
    int roundsPerPolicy();

    /** Policies kept; the one least recently decided goes first. */
    @WithDefault("500")
    int maxPolicies();
  }

  /** The operator's clock (see OperatorClock); a testing and replay aid. */
  interface ClockSettings {
    /** ISO-8601 instant the clock starts at, ticking at real speed; absent: the system clock. */
    Optional<String> start();
  }

  /** Load history for the forecasts (see forecast.HistoryCache). */
  interface ForecastSettings {
    /** How often a policy's history is queried again from Prometheus. */
    @WithDefault("10m")
    Duration refreshPeriod();

    /** How soon a failed history query is tried again. */
    @WithDefault("1m")
    Duration retryPeriod();

    /** Longest a history query may take before it counts as failed. */
    @WithDefault("30s")
    Duration queryTimeout();

    /** Threads that query history; reconciles never wait for them. */
    @WithDefault("2")
    int threads();
  }

  /** Shared load-signal queries (see signal.SignalHub). */
  interface Signals {
    /**
     * How often each shared query is asked and every watching policy compared with its band: a load
     * change waits up to one tick after Prometheus can answer it.
     */
    @WithDefault("500ms")
    Duration tick();

    /** Most series one shared query may return. */
    @WithDefault("100000")
    int maxSeries();
  }

  /** The part of the cluster's budgets and policies this operator owns (see Sharding). */
  interface Shard {
    /**
     * Label selector of the ConnectionBudgets and ScalingPolicies this operator reconciles, e.g.
     * {@code headroom.dev/shard=a}; absent: all of them.
     */
    Optional<String> selector();
  }

  /** The Lease that keeps a single active replica (see LeaderElection). */
  interface LeaderElectionSettings {
    /** Off only for a single replica run by hand; the chart keeps it on. */
    @WithDefault("true")
    boolean enabled();

    /** Namespace of the Lease; the chart sets it to the release namespace. */
    @WithDefault("headroom-system")
    String namespace();

    /** Name of the Lease; absent: headroom-operator. Required with a shard selector. */
    Optional<String> leaseName();

    /** How long a Lease that its holder stops renewing keeps other replicas from taking it. */
    @WithDefault("15s")
    Duration leaseDuration();

    /** How long the leader keeps trying to renew its Lease before it gives leadership up. */
    @WithDefault("10s")
    Duration renewDeadline();

    /** How often a replica tries to acquire or renew the Lease. */
    @WithDefault("2s")
    Duration retryPeriod();
  }

  /** The Prometheus that every load signal and forecast history is read from. */
  interface Prometheus {
    /** Base URL of the Prometheus HTTP API. */
    @WithDefault("http://127.0.0.1:9090")
    String url();

    /**
     * Longest a load-signal query may take, also sent to Prometheus as the query's own {@code
     * timeout}; history queries have {@code headroom.forecast.query-timeout}.
     */
    @WithDefault("5s")
    Duration timeout();

    /** File holding a bearer token, re-read on every request. */
    Optional<String> bearerTokenFile();

    /** PEM file of the CA that signed the Prometheus certificate. */
    Optional<String> caFile();

    /** Accept any certificate from an https Prometheus; for a test bed, never in production. */
    @WithDefault("false")
    boolean insecureSkipTlsVerify();

    /** Largest response body accepted, in bytes. */
    @WithDefault("4194304")
    long maxResponseBytes();

    CircuitBreakerSettings circuitBreaker();
  }

  /** Stops asking a Prometheus that keeps failing (see prometheus.CircuitBreaker). */
  interface CircuitBreakerSettings {
    /** Failed queries in a row that open the circuit. */
    @WithDefault("5")
    int failures();

    /** How long an open circuit fails queries at once before one is tried again. */
    @WithDefault("5s")
    Duration openFor();
  }
}
