package dev.headroom.operator.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Operator-wide settings ({@code headroom.*} in application.properties, or HEADROOM_* env vars).
 * Prometheus endpoints live here, not in policies, so a tenant cannot aim the operator at an
 * arbitrary URL.
 */
@ConfigMapping(prefix = "headroom")
public interface HeadroomConfig {

  Prometheus prometheus();

  /** How often a policy is re-evaluated when nothing else triggers it (HPA: 15s). */
  @WithDefault("15s")
  Duration syncPeriod();

  /** How often a budget re-checks its consumers while a two-phase change is under way. */
  @WithDefault("2s")
  Duration transitionPollPeriod();

  /** How often a stable budget re-checks its consumers. */
  @WithDefault("30s")
  Duration budgetSyncPeriod();

  /** Repeated identical events within this interval are not emitted again. */
  @WithDefault("5m")
  Duration eventDedupInterval();

  LeaderElectionSettings leaderElection();

  ClockSettings clock();

  /** The clock decisions, schedules and history are stamped with. */
  interface ClockSettings {
    /**
     * When set (ISO-8601 instant), the clock starts there and ticks at the system's rate: for
     * drills such as a run across a daylight-saving change. Unset: the system clock (UTC).
     */
    Optional<Instant> start();
  }

  /** The Lease that keeps a single active replica (see LeaderElection). */
  interface LeaderElectionSettings {
    /** Off only for a single replica run by hand; the chart keeps it on. */
    @WithDefault("true")
    boolean enabled();

    /** Namespace of the Lease; the chart sets it to the release namespace. */
    @WithDefault("headroom-system")
    String namespace();

    @WithDefault("15s")
    Duration leaseDuration();

    @WithDefault("10s")
    Duration renewDeadline();

    @WithDefault("2s")
    Duration retryPeriod();
  }

  interface Prometheus {
    /** Base URL of the Prometheus HTTP API. */
    @WithDefault("http://127.0.0.1:9090")
    String url();

    @WithDefault("5s")
    Duration timeout();

    /** File holding a bearer token, re-read on every request. */
    Optional<String> bearerTokenFile();

    /** PEM file of the CA that signed the Prometheus certificate. */
    Optional<String> caFile();

    @WithDefault("false")
    boolean insecureSkipTlsVerify();

    /** Largest response body accepted, in bytes. */
    @WithDefault("4194304")
    long maxResponseBytes();
  }
}
