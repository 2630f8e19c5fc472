package dev.headroom.simulator.input;

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
import java.time.Duration;
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

  /** The API's default share of the scarcest resource ({@code spec.capacity.targetUtilization}). */
  static final double DEFAULT_TARGET_UTILIZATION = 0.8;

  private final PolicyValidator validator = new PolicyValidator();

  PolicyManifest map(String where, Fields root) {
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
      String type = s.optionalEnum("type", "AverageValue", "Value").orElse("AverageValue");
      double target = s.number("target");
      if (fed.isEmpty() && type.equals("AverageValue")) {
        fed = Optional.of(new LoadSignal(signalName, SignalKind.AVERAGE_VALUE, target));
      } else {
        notes.add(
            s.path()
                + " '"
                + signalName
                + "' not simulated: the trace's request rate feeds"
                + " only the first AverageValue signal");
      }
    }
    fed.ifPresent(b::load);
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
      priority = c.optionalInteger("priority").orElse(0);
      b.connections(
          new Connections(
              budgetNamespace + "/" + ref.string("name"),
              pool.integer("min"),
              pool.integer("max"),
              0));
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
              s.optionalString("timeZone").orElse("UTC"),
              s.duration("duration"),
              s.optionalDuration("leadTime").orElse(Duration.ZERO),
              s.integer("minReplicas")));
    }
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
        signal = Optional.empty();
      }
      Seasonality seasonality =
          f.optionalEnum("seasonality", "Daily", "Weekly").orElse("Weekly").equals("Daily")
              ? Seasonality.DAILY
              : Seasonality.WEEKLY;
      b.forecast(
          new ForecastSpec(
              f.optionalBoolean("enabled").orElse(true),
              f.optionalDuration("lookback").orElse(Duration.ofDays(14)),
              f.optionalDuration("horizon").orElse(Duration.ofHours(1)),
              f.optionalDuration("leadTime").orElse(Duration.ofMinutes(10)),
              seasonality,
              signal.orElse(null)));
    }
    b.behavior(behavior(spec.optionalObject("behavior")));
    String mode = spec.optionalEnum("mode", "Enforce", "DryRun").orElse("Enforce");
    if (mode.equals("DryRun")) {
      notes.add(
          "spec.mode DryRun simulated as Enforce: the simulation shows what Headroom would do");
    }
    b.mode(Mode.ENFORCE);
    if (spec.optionalEnum("ownership", "Replicas", "CapHpa").orElse("Replicas").equals("CapHpa")) {
      notes.add("spec.ownership CapHpa simulated as Replicas: Headroom sets the replicas itself");
    }

    PolicySpec built = b.build();
    if (fed.isEmpty() && built.concurrency().isEmpty()) {
      throw new ManifestException(
          where
              + ": spec.load: a request-rate trace needs an"
              + " AverageValue signal (requests per second, target per replica) or a concurrency"
              + " signal with spec.capacity to feed; this policy has neither");
    }
    List<Violation> violations = validator.validate(built);
    if (!violations.isEmpty()) {
      throw new ManifestException(
          where
              + ": "
              + violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
    }
    return new PolicyManifest(id, name, where, built, fed, maxSurge, priority, notes);
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
        c.optionalNumber("targetUtilization").orElse(DEFAULT_TARGET_UTILIZATION));
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
