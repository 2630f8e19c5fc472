package dev.headroom.engine.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the engine needs to know about one ScalingPolicy. Hosts map their API objects to this
 * record; the engine never sees Kubernetes types.
 *
 * @param id {@code namespace/name} of the policy
 * @param replicas bounds
 * @param load load signals; the largest replica need wins (HPA semantics)
 * @param concurrency optional observed-concurrency signal (Little's law)
 * @param capacities scarce resources per replica; the scarcest one decides (empty: none)
 * @param connections optional draw on a ConnectionBudget
 * @param schedules windows that raise the replica floor
 * @param forecast optional forecaster settings
 * @param behavior HPA v2 style stabilization and rate policies
 * @param mode enforce or dry-run
 */
public record PolicySpec(
    String id,
    Replicas replicas,
    List<LoadSignal> load,
    Optional<ConcurrencySignal> concurrency,
    List<Capacity> capacities,
    Optional<Connections> connections,
    List<ScheduleSpec> schedules,
    Optional<ForecastSpec> forecast,
    Behavior behavior,
    Mode mode) {

  public PolicySpec {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(replicas, "replicas");
    load = List.copyOf(load);
    concurrency = Objects.requireNonNull(concurrency, "concurrency");
    capacities = List.copyOf(capacities);
    connections = Objects.requireNonNull(connections, "connections");
    schedules = List.copyOf(schedules);
    forecast = Objects.requireNonNull(forecast, "forecast");
    behavior = behavior == null ? Behavior.defaults() : behavior;
    mode = mode == null ? Mode.ENFORCE : mode;
  }

  public static Builder builder(String id, int minReplicas, int maxReplicas) {
    return new Builder(id, new Replicas(minReplicas, maxReplicas));
  }

  /** A copy with other bounds. */
  public PolicySpec withReplicas(Replicas newReplicas) {
    return new PolicySpec(
        id,
        newReplicas,
        load,
        concurrency,
        capacities,
        connections,
        schedules,
        forecast,
        behavior,
        mode);
  }

  /**
   * A copy whose connections count {@code maxSurge} surge pods; the same spec without connections.
   */
  public PolicySpec withMaxSurge(int maxSurge) {
    if (connections.isEmpty() || connections.get().maxSurge() == maxSurge) {
      return this;
    }
    Connections c = connections.get();
    return new PolicySpec(
        id,
        replicas,
        load,
        concurrency,
        capacities,
        Optional.of(new Connections(c.budgetId(), c.poolMin(), c.poolMax(), maxSurge)),
        schedules,
        forecast,
        behavior,
        mode);
  }

  /** Fluent construction for hosts and tests; unset parts take the API defaults. */
  public static final class Builder {
    private final String id;
    private final Replicas replicas;
    private final List<LoadSignal> load = new ArrayList<>();
    private ConcurrencySignal concurrency;
    private final List<Capacity> capacities = new ArrayList<>();
    private Connections connections;
    private final List<ScheduleSpec> schedules = new ArrayList<>();
    private ForecastSpec forecast;
    private Behavior behavior = Behavior.defaults();
    private Mode mode = Mode.ENFORCE;

    private Builder(String id, Replicas replicas) {
      this.id = id;
      this.replicas = replicas;
    }

    public Builder load(LoadSignal signal) {
      load.add(signal);
      return this;
    }

    public Builder concurrency(ConcurrencySignal signal) {
      this.concurrency = signal;
      return this;
    }

    public Builder capacity(Capacity capacity) {
      capacities.add(capacity);
      return this;
    }

    public Builder connections(Connections value) {
      this.connections = value;
      return this;
    }

    public Builder schedule(ScheduleSpec schedule) {
      schedules.add(schedule);
      return this;
    }

    public Builder forecast(ForecastSpec value) {
      this.forecast = value;
      return this;
    }

    public Builder behavior(Behavior value) {
      this.behavior = value;
      return this;
    }

    public Builder mode(Mode value) {
      this.mode = value;
      return this;
    }

    public PolicySpec build() {
      return new PolicySpec(
          id,
          replicas,
          load,
          Optional.ofNullable(concurrency),
          capacities,
          Optional.ofNullable(connections),
          schedules,
          Optional.ofNullable(forecast),
          behavior,
          mode);
    }
  }
}
