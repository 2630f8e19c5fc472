package dev.headroom.simulator.input;

import dev.headroom.engine.model.ApiDefaults;
import dev.headroom.engine.model.Behavior;
import dev.headroom.engine.model.Capacity;
import dev.headroom.engine.model.ConcurrencySignal;
import dev.headroom.engine.model.Connections;
import dev.headroom.engine.model.ForecastSpec;
import dev.headroom.engine.model.LoadSignal;
import dev.headroom.engine.model.Mode;
import dev.headroom.engine.model.PolicySpec;
import dev.headroom.engine.model.PolicyType;
import dev.headroom.engine.model.ResourceKind;
import dev.headroom.engine.model.ScalingPolicyRule;
import dev.headroom.engine.model.ScalingRules;
import dev.headroom.engine.model.ScheduleSpec;
import dev.headroom.engine.model.Seasonality;
import dev.headroom.engine.model.SelectPolicy;
import dev.headroom.engine.model.SignalKind;
import dev.headroom.engine.validation.PolicyValidator;
import dev.headroom.engine.validation.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * ScalingPolicy YAML to the engine's {@link PolicySpec}, with the API's defaults (the same mapping
 * the operator makes, written against plain YAML so that the simulator does not depend on the
 * operator). Fields that do not change what the simulator computes are skipped; fields that would
 * but are not simulated are listed in {@link PolicyManifest#notes()}.
 */
final class PolicyMapper {

  private final PolicyValidator validator = new PolicyValidator();

  /**
   * @param simulable refuse a policy without a signal a request-rate trace can feed
   */
  PolicyManifest map(String where, Fields root, boolean simulable) {
    Fields metadata = root.object("metadata");
    String name = metadata.string("name");
    String namespace = namespace(metadata);
    String id = namespace + "/" + name;
    Fields spec = root.object("spec");
    List<String> notes = new ArrayList<>();

    Fields replicas = spec.object("replicas");
    PolicySpec.Builder b = PolicySpec.builder(id, replicas.integer("min"), replicas.integer("max"));

    Fields load = spec.object("load");
    Optional<LoadSignal> fed = Optional.empty();
    List<Fields> signals = load.objects("signals");
    for (Fields s : signals) {
      String signalName = s.string("name");
      String type = s.optionalEnum("type", "AverageValue", "Value").orElse(ApiDefaults.SIGNAL_TYPE);
      SignalKind kind = type.equals("Value") ? SignalKind.VALUE : SignalKind.AVERAGE_VALUE;
      LoadSignal signal = new LoadSignal(signalName, kind, s.number("target"));
      b.load(signal);
      if (fed.isEmpty() && kind == SignalKind.AVERAGE_VALUE) {
        fed = Optional.of(signal);
      } else {
        notes.add(
            s.path()
                + " '"
                + signalName
                + "' not simulated: the trace's request rate feeds"
                + " only the first AverageValue signal");
      }
    }
    if (load.has("concurrency")) {
      b.concurrency(ConcurrencySignal.of("concurrency"));
    }
    spec.optionalObject("capacity").ifPresent(c -> b.capacity(capacity(c)));

    OptionalInt maxSurge = OptionalInt.empty();
    int priority = 0;
    Optional<Fields> connections = spec.optionalObject("connections");
    if (connections.isPresent()) {
      Fields c = connections.get();
      Fields ref = c.object("budgetRef");
      String budgetNamespace = ref.optionalString("namespace").orElse(namespace);
      Fields pool = c.object("poolSize");
      Optional<Integer> surge = c.optionalInteger("maxSurge");
      if (surge.isPresent()) {
        if (surge.get() < 0) {
          throw c.fail("maxSurge", "must be >= 0, got " + surge.get());
        }
        maxSurge = OptionalInt.of(surge.get());
      }
      priority = c.optionalInteger("priority").orElse(ApiDefaults.CONNECTIONS_PRIORITY);
      b.connections(
          new Connections(
              budgetNamespace + "/" + ref.string("name"),
              pool.integer("min"),
              pool.integer("max"),
              maxSurge.orElse(0)));
      if (c.has("delivery")) {
        String type = c.object("delivery").optionalString("type").orElse("?");
        if (!type.equals("ConfigMap")) {
          notes.add(
              "spec.connections.delivery "
                  + type
                  + " rolls out pods on a pool change; the"
                  + " simulator applies pool changes at once");
        }
      }
    }

    for (Fields s : spec.objects("schedules")) {
      b.schedule(
          new ScheduleSpec(
              s.string("name"),
              s.string("cron"),
              s.optionalString("timeZone").orElse(ApiDefaults.TIME_ZONE),
              s.duration("duration"),
              s.optionalDuration("leadTime").orElse(ApiDefaults.SCHEDULE_LEAD_TIME),
              s.integer("minReplicas")));
    }
    boolean forecastSignalFed = true;
    if (spec.has("forecast")) {
      Fields f = spec.object("forecast");
      Optional<String> signal = f.optionalString("signal");
      if (signal.isPresent() && fed.isPresent() && !signal.get().equals(fed.get().name())) {
        notes.add(
            "spec.forecast.signal '"
                + signal.get()
                + "' not simulated: the forecast"
                + " follows the signal the trace feeds, '"
                + fed.get().name()
                + "'");
        forecastSignalFed = false;
      }
      Seasonality seasonality =
          f.optionalEnum("seasonality", "Daily", "Weekly")
                  .orElse(ApiDefaults.FORECAST_SEASONALITY)
                  .equals("Daily")
              ? Seasonality.DAILY
              : Seasonality.WEEKLY;
      b.forecast(
          new ForecastSpec(
              f.optionalBoolean("enabled").orElse(ApiDefaults.FORECAST_ENABLED),
              f.optionalDuration("lookback").orElse(ApiDefaults.forecastLookback()),
              f.optionalDuration("horizon").orElse(ApiDefaults.forecastHorizon()),
              f.optionalDuration("leadTime").orElse(ApiDefaults.forecastLeadTime()),
              seasonality,
              signal.orElse(null)));
    }
    b.behavior(behavior(spec.optionalObject("behavior")));
    String mode = spec.optionalEnum("mode", "Enforce", "DryRun").orElse(ApiDefaults.MODE);
    if (mode.equals("DryRun")) {
      notes.add(
          "spec.mode DryRun simulated as Enforce: the simulation shows what Headroom would do");
    }
    b.mode(mode.equals("DryRun") ? Mode.DRY_RUN : Mode.ENFORCE);
    if (spec.optionalEnum("ownership", "Replicas", "CapHpa")
        .orElse(ApiDefaults.OWNERSHIP)
        .equals("CapHpa")) {
      notes.add("spec.ownership CapHpa simulated as Replicas: Headroom sets the replicas itself");
    }

    PolicySpec declared = b.build();
    PolicySpec built = simulated(declared, fed, forecastSignalFed);
    if (simulable && fed.isEmpty() && built.concurrency().isEmpty()) {
      throw new ManifestException(
          where
              + ": spec.load: a request-rate trace needs an"
              + " AverageValue signal (requests per second, target per replica) or a concurrency"
              + " signal with spec.capacity to feed; this policy has neither");
    }
    List<Violation> violations = validator.validate(declared);
    if (!violations.isEmpty()) {
      throw new ManifestException(
          where
              + ": "
              + violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
    }
    return new PolicyManifest(id, name, where, declared, built, fed, maxSurge, priority, notes);
  }

  /**
   * What the simulator runs of {@code declared}: the load only the trace feeds, a forecast on that
   * signal, {@code Enforce}, and connections whose surge is resolved per replica count at run time.
   */
  private static PolicySpec simulated(
      PolicySpec declared, Optional<LoadSignal> fed, boolean forecastSignalFed) {
    return new PolicySpec(
        declared.id(),
        declared.replicas(),
        fed.stream().toList(),
        declared.concurrency(),
        declared.capacities(),
        declared.connections().map(c -> new Connections(c.budgetId(), c.poolMin(), c.poolMax(), 0)),
        declared.schedules(),
        declared
            .forecast()
            .map(
                f ->
                    forecastSignalFed
                        ? f
                        : new ForecastSpec(
                            f.enabled(),
                            f.lookback(),
                            f.horizon(),
                            f.leadTime(),
                            f.seasonality(),
                            null)),
        declared.behavior(),
        Mode.ENFORCE);
  }

  static String namespace(Fields metadata) {
    return metadata.optionalString("namespace").orElse("default");
  }

  private static Capacity capacity(Fields c) {
    String resource = c.string("resource");
    ResourceKind kind = ResourceKind.CUSTOM;
    for (ResourceKind k : ResourceKind.values()) {
      if (k.apiName().equals(resource)) {
        kind = k;
      }
    }
    OptionalDouble perRequest = c.optionalNumber("perRequest");
    return new Capacity(
        kind,
        resource,
        c.number("perReplica"),
        perRequest,
        c.optionalNumber("targetUtilization").orElse(ApiDefaults.TARGET_UTILIZATION));
  }

  private static Behavior behavior(Optional<Fields> spec) {
    Behavior defaults = Behavior.defaults();
    if (spec.isEmpty()) {
      return defaults;
    }
    return new Behavior(
        rules(spec.get().optionalObject("scaleUp"), defaults.scaleUp()),
        rules(spec.get().optionalObject("scaleDown"), defaults.scaleDown()));
  }

  private static ScalingRules rules(Optional<Fields> spec, ScalingRules defaults) {
    if (spec.isEmpty()) {
      return defaults;
    }
    Fields r = spec.get();
    SelectPolicy select =
        r.optionalEnum("selectPolicy", "Max", "Min", "Disabled")
            .map(s -> SelectPolicy.valueOf(s.toUpperCase(java.util.Locale.ROOT)))
            .orElse(null);
    List<ScalingPolicyRule> policies = null;
    List<Fields> items = r.objects("policies");
    if (!items.isEmpty()) {
      policies = new ArrayList<>();
      for (Fields p : items) {
        String type =
            p.optionalEnum("type", "Pods", "Percent").orElseThrow(() -> p.fail("type", "required"));
        policies.add(
            new ScalingPolicyRule(
                type.equals("Pods") ? PolicyType.PODS : PolicyType.PERCENT,
                p.integer("value"),
                p.integer("periodSeconds")));
      }
    }
    return ScalingRules.merge(
        r.optionalInteger("stabilizationWindowSeconds").orElse(null), select, policies, defaults);
  }
}
