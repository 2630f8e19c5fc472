package dev.headroom.operator.it;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Invalid and edge-case ScalingPolicy and ConnectionBudget specs, by class of mistake, each with
 * the outcome a user should see: refused by the API server with a message naming the field,
 * accepted and reported in the policy's status, or accepted with unknown fields pruned.
 *
 * <p>Deterministic: the same seed gives the same specs in the same order. Every class has a pool of
 * variants; values that can vary (numbers, lengths, names) are drawn from the seeded random.
 */
final class BadSpecGenerator {

  /** What the user gets for a bad spec. */
  enum Outcome {
    /** The API server refuses it; its message names the field. */
    REFUSED,
    /** Accepted; the operator reports it in the policy's status and changes nothing. */
    STATUS,
    /** Accepted with the unknown fields dropped (structural pruning); nothing else changes. */
    PRUNED
  }

  /** Objects the status cases refer to, created by the test before them. */
  static final String TARGET = "fuzz-target";

  static final String BUDGET = "fuzz-pg";
  static final String HPA = "fuzz-hpa";
  static final String CYCLE_HPA = "fuzz-hpa-cycle";
  static final String OWNED = "fuzz-owned";
  static final String OWNER_POLICY = "fuzz-owner";
  static final String CAP_OWNER_POLICY = "fuzz-cap-owner";

  /**
   * One spec to apply.
   *
   * @param bugClass the class of mistake
   * @param name the object's name (unique in the run)
   * @param object the whole object as the API server gets it
   * @param outcome what must happen
   * @param expect text the refusal or the status message must contain (the field, mostly)
   * @param reasons for {@link Outcome#STATUS}: acceptable reasons of the reporting condition
   * @param condition for {@link Outcome#STATUS}: the condition that reports it
   * @param pruned for {@link Outcome#PRUNED}: dotted paths that must be gone after the create
   */
  record BadSpec(
      String bugClass,
      String name,
      Map<String, Object> object,
      Outcome outcome,
      String expect,
      Set<String> reasons,
      String condition,
      List<String> pruned) {

    String kind() {
      return (String) object.get("kind");
    }

    @Override
    public String toString() {
      return bugClass + "/" + name;
    }
  }

  /** One way of getting a class of mistake, given the run's random. */
  private record Variant(BiConsumer<Map<String, Object>, Random> mutate, String expect) {}

  private record BugClass(
      String name,
      String kind,
      Outcome outcome,
      Set<String> reasons,
      String condition,
      List<Variant> variants,
      List<String> pruned) {}

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern STEP = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]");

  static final String BASE_POLICY =
      """
      apiVersion: headroom.dev/v1alpha1
      kind: ScalingPolicy
      metadata: {name: NAME}
      spec:
        targetRef: {apiVersion: apps/v1, kind: Deployment, name: fuzz-target}
        mode: Enforce
        replicas: {min: 1, max: 20}
        load:
          signals:
          - {name: rps, query: 'sum(rate(http_requests_total[1m]))', type: AverageValue, target: 40}
        connections:
          budgetRef: {name: fuzz-pg}
          poolSize: {min: 5, max: 20}
          delivery: {type: Env, container: app, envName: DB_POOL_SIZE}
        schedules:
        - {name: new-year, cron: '0 3 1 1 *', timeZone: UTC, duration: 1h, leadTime: 10m, minReplicas: 2}
        behavior:
          scaleUp:
            stabilizationWindowSeconds: 0
            policies: [{type: Pods, value: 4, periodSeconds: 15}]
      """;

  static final String BASE_BUDGET =
      """
      apiVersion: headroom.dev/v1alpha1
      kind: ConnectionBudget
      metadata: {name: NAME}
      spec:
        maxConnections: 100
        reserved: 10
        allocation: Proportional
        allowedNamespaces: [shop]
        observed: {query: 'sum(pg_stat_activity_count)'}
      """;

  private final List<BugClass> classes = new ArrayList<>();
  private final String otherNamespace;

  /**
   * @param otherNamespace a namespace holding a ConnectionBudget {@code shared} that does not allow
   *     the policies' namespace
   */
  BadSpecGenerator(String otherNamespace) {
    this.otherNamespace = otherNamespace;
    refusedPolicies();
    refusedBudgets();
    reportedInStatus();
    budgetsReportedInStatus();
    budgetMissingSpec();
    pruned();
  }

  /** Names of every class, in order. */
  List<String> classNames() {
    return classes.stream().map(BugClass::name).toList();
  }

  /** Up to {@code perClass} variants of every class, chosen and filled in by {@code seed}. */
  List<BadSpec> generate(long seed, int perClass) {
    Random random = new Random(seed);
    List<BadSpec> specs = new ArrayList<>();
    int n = 0;
    for (BugClass c : classes) {
      List<Variant> pool = new ArrayList<>(c.variants());
      java.util.Collections.shuffle(pool, random);
      for (Variant v : pool.subList(0, Math.min(perClass, pool.size()))) {
        String name = "f" + (n++) + "-" + c.name();
        name = name.length() > 60 ? name.substring(0, 60).replaceAll("-+$", "") : name;
        Map<String, Object> object =
            parse(c.kind().equals("ScalingPolicy") ? BASE_POLICY : BASE_BUDGET);
        set(object, "metadata.name", name);
        v.mutate().accept(object, random);
        specs.add(
            new BadSpec(
                c.name(),
                (String) get(object, "metadata.name"),
                object,
                c.outcome(),
                v.expect(),
                c.reasons(),
                c.condition(),
                c.pruned()));
      }
    }
    return specs;
  }

  // ---- the classes ----

  private void refusedPolicies() {
    policy(
        "wrong-type-integer",
        v("spec.replicas.min", "one"),
        v("spec.replicas.max", true),
        v("spec.connections.poolSize.max", "20"),
        v("spec.historyLimit", List.of(5)),
        v("spec.schedules[0].minReplicas", Map.of("n", 2)));
    policy(
        "wrong-type-number",
        v("spec.load.signals[0].target", "forty"),
        v("spec.load.signals[0].target", false),
        add(
            "spec.capacity",
            Map.of("resource", "threads", "perReplica", "200 threads"),
            "spec.capacity.perReplica"));
    policy(
        "wrong-type-object",
        v("spec.replicas", "1-20"),
        v("spec.load", List.of("rps")),
        v("spec.targetRef", "web"),
        v("spec.connections", 42),
        v("spec", "everything"));
    policy(
        "wrong-type-list",
        v("spec.load.signals", Map.of("name", "rps")),
        v("spec.schedules", "0 9 * * *"),
        v("spec.behavior.scaleUp.policies", "Pods"));
    policy(
        "fractional-integer",
        v("spec.replicas.min", 1.5),
        v("spec.connections.poolSize.min", 2.25),
        v("spec.behavior.scaleUp.stabilizationWindowSeconds", 0.5),
        v("spec.schedules[0].minReplicas", 3.75));
    policy(
        "integer-overflow",
        v("spec.replicas.max", new BigInteger("9223372036854775808")),
        v("spec.replicas.max", 1e30),
        v("spec.connections.poolSize.max", new BigInteger("99999999999999999999999")),
        v("spec.historyLimit", 4294967296L));
    policy(
        "above-maximum",
        rnd("spec.replicas.max", r -> 100_001 + r.nextInt(1_000_000)),
        rnd("spec.connections.poolSize.max", r -> 10_001 + r.nextInt(10_000)),
        rnd("spec.historyLimit", r -> 101 + r.nextInt(1000)),
        rnd("spec.behavior.scaleUp.stabilizationWindowSeconds", r -> 3601 + r.nextInt(100_000)),
        rnd("spec.behavior.scaleUp.policies[0].periodSeconds", r -> 1801 + r.nextInt(10_000)),
        rnd("spec.connections.priority", r -> 1001 + r.nextInt(10_000)),
        rnd("spec.connections.maxSurge", r -> 10_001 + r.nextInt(10_000)));
    policy(
        "negative",
        rnd("spec.replicas.min", r -> -1 - r.nextInt(1000)),
        rnd("spec.connections.poolSize.min", r -> -1 - r.nextInt(1000)),
        rnd("spec.connections.priority", r -> -1 - r.nextInt(1000)),
        rnd("spec.connections.maxSurge", r -> -1 - r.nextInt(1000)),
        rnd("spec.schedules[0].minReplicas", r -> -1 - r.nextInt(1000)),
        rnd("spec.load.signals[0].target", r -> -r.nextDouble() * 100 - 0.001),
        rnd("spec.behavior.scaleUp.stabilizationWindowSeconds", r -> -1 - r.nextInt(1000)));
    policy(
        "zero-where-positive",
        v("spec.replicas.max", 0),
        v("spec.connections.poolSize.min", 0),
        v("spec.load.signals[0].target", 0),
        v("spec.behavior.scaleUp.policies[0].value", 0),
        v("spec.behavior.scaleUp.policies[0].periodSeconds", 0),
        v("spec.historyLimit", 0),
        add(
            "spec.capacity",
            Map.of("resource", "threads", "perReplica", 0),
            "spec.capacity.perReplica"));
    policy(
        "empty-string",
        v("spec.targetRef.name", ""),
        v("spec.load.signals[0].query", ""),
        v("spec.load.signals[0].name", ""),
        v("spec.connections.budgetRef.name", ""),
        v("spec.schedules[0].cron", ""),
        v("spec.schedules[0].duration", ""),
        v("spec.targetRef.kind", ""));
    policy(
        "empty-collection",
        v("spec.load.signals", List.of(), "load needs at least one signal"),
        v("spec.load", Map.of(), "load needs at least one signal"),
        v("spec.replicas", Map.of(), "spec.replicas.min"),
        v("spec", Map.of(), "spec.targetRef"));
    policy(
        "missing-required",
        rm("spec.targetRef"),
        rm("spec.replicas"),
        rm("spec.load"),
        rm("spec.load.signals[0].query"),
        rm("spec.load.signals[0].target"),
        rm("spec.connections.poolSize"),
        rm("spec.connections.delivery.type"),
        rm("spec.schedules[0].cron"),
        rm("spec.schedules[0].duration"),
        rm("spec.targetRef.name"));
    policy(
        "null-value",
        v("spec.replicas.min", null, "spec.replicas.min"),
        v("spec.targetRef.name", null, "spec.targetRef.name"),
        v("spec.load.signals[0].query", null, "spec.load.signals[0].query"));
    policy(
        "unknown-enum",
        v("spec.mode", "Sometimes"),
        v("spec.ownership", "Both"),
        v("spec.load.signals[0].type", "Rate"),
        v("spec.connections.delivery.type", "Telepathy"),
        v("spec.behavior.scaleUp.selectPolicy", "Random"),
        v("spec.behavior.scaleUp.policies[0].type", "Replicas"),
        add("spec.forecast", Map.of("seasonality", "Hourly"), "spec.forecast.seasonality"),
        v("spec.mode", "enforce"));
    policy(
        "bad-duration",
        v("spec.schedules[0].duration", "two hours"),
        v("spec.schedules[0].duration", "90"),
        v("spec.schedules[0].leadTime", "-5m"),
        v("spec.schedules[0].duration", "1.5h"),
        v("spec.schedules[0].leadTime", "5M"),
        v("spec.schedules[0].duration", "PT2H"),
        add("spec.forecast", Map.of("horizon", "1 hour"), "spec.forecast.horizon"),
        add("spec.forecast", Map.of("lookback", "2w"), "spec.forecast.lookback"));
    policy(
        "cron-syntax",
        v("spec.schedules[0].cron", "0 9 * *"),
        v("spec.schedules[0].cron", "0 0 9 * * 1-5"),
        v("spec.schedules[0].cron", "@daily"),
        v("spec.schedules[0].cron", "every monday"),
        v("spec.schedules[0].cron", "*/5"));
    policy(
        "time-zone-syntax",
        v("spec.schedules[0].timeZone", "Central European"),
        v("spec.schedules[0].timeZone", "+01:00"),
        v("spec.schedules[0].timeZone", "../../etc/passwd"),
        v("spec.schedules[0].timeZone", "Europe/"),
        v("spec.schedules[0].timeZone", "/Europe/Berlin"));
    policy(
        "string-too-long",
        rnd("spec.load.signals[0].query", r -> "sum(" + "x".repeat(4097 + r.nextInt(10_000)) + ")"),
        rnd("spec.targetRef.name", r -> "a".repeat(254 + r.nextInt(200))),
        rnd("spec.load.signals[0].name", r -> "s".repeat(64 + r.nextInt(100))),
        rnd("spec.schedules[0].timeZone", r -> "Z".repeat(65 + r.nextInt(100))),
        rnd("spec.schedules[0].cron", r -> "0 9 * * " + "1,".repeat(130 + r.nextInt(100)) + "1"),
        rnd("spec.schedules[0].name", r -> "n".repeat(64 + r.nextInt(100))));
    policy(
        "too-many-items",
        rnd(
            "spec.load.signals",
            r ->
                copies(
                    11 + r.nextInt(20), i -> Map.of("name", "s" + i, "query", "up", "target", 1))),
        rnd(
            "spec.schedules",
            r ->
                copies(
                    21 + r.nextInt(20),
                    i ->
                        Map.of(
                            "name",
                            "w" + i,
                            "cron",
                            "0 9 * * *",
                            "duration",
                            "1h",
                            "minReplicas",
                            1))),
        rnd(
            "spec.behavior.scaleUp.policies",
            r ->
                copies(
                    11 + r.nextInt(20),
                    i -> Map.of("type", "Pods", "value", 1, "periodSeconds", 1 + i))));
    policy(
        "replicas-min-above-max",
        rnd(
            "spec.replicas",
            r -> {
              int max = 1 + r.nextInt(1000);
              return Map.of("min", max + 1 + r.nextInt(1000), "max", max);
            },
            "replicas.min must be <= replicas.max"));
    policy(
        "pool-min-above-max",
        rnd(
            "spec.connections.poolSize",
            r -> {
              int max = 1 + r.nextInt(100);
              return Map.of("min", max + 1 + r.nextInt(100), "max", max);
            },
            "poolSize.min must be <= poolSize.max"));
    policy(
        "schedule-floor-above-max",
        rnd(
            "spec.schedules[0].minReplicas",
            r -> 21 + r.nextInt(10_000),
            "every schedules[].minReplicas must be <= replicas.max"));
    policy(
        "implausible-guarantee",
        rnd(
            "spec",
            r -> spec(r, 1000 + r.nextInt(9000), 101 + r.nextInt(9000)),
            "replicas.min x poolSize.min is implausibly large"));
    policy(
        "delivery-incomplete",
        v(
            "spec.connections.delivery",
            Map.of("type", "Env"),
            "delivery type Env needs container and envName"),
        v(
            "spec.connections.delivery",
            Map.of("type", "Env", "container", "app"),
            "delivery type Env needs container and envName"),
        v(
            "spec.connections.delivery",
            Map.of("type", "ConfigMap", "configMapName", "pools"),
            "delivery type ConfigMap needs configMapName and key"),
        v(
            "spec.connections.delivery",
            Map.of("type", "ConfigMap", "key", "pool"),
            "delivery type ConfigMap needs configMapName and key"),
        v(
            "spec.connections.delivery",
            Map.of("type", "Annotation"),
            "delivery type Annotation needs key"));
    policy(
        "concurrency-without-capacity",
        v(
            "spec.load",
            Map.of(
                "concurrency", Map.of("rateQuery", "sum(rate(x[1m]))", "latencyQuery", "max(y)")),
            "load.concurrency needs capacity"));
    policy(
        "forecast-unknown-signal",
        rnd(
            "spec.forecast",
            r -> Map.of("signal", "latency" + r.nextInt(100)),
            "forecast.signal must name one of load.signals"));
    policy(
        "bad-name-pattern",
        v("spec.targetRef.kind", "deployment"),
        v("spec.targetRef.apiVersion", "apps"),
        v("spec.targetRef.name", "Web_1"),
        v("spec.connections.delivery.envName", "1BAD"),
        v("spec.connections.delivery.container", "App"),
        v("spec.connections.budgetRef.namespace", "Bad_NS"),
        v("spec.load.signals[0].name", "Requests Per Second"),
        add(
            "spec.capacity",
            Map.of("resource", "9lives", "perReplica", 1),
            "spec.capacity.resource"),
        v("spec.schedules[0].name", "-morning"));
    policy(
        "unicode",
        v("spec.targetRef.name", "wéb"),
        v("spec.targetRef.kind", "Déployment"),
        v("spec.schedules[0].timeZone", "Europe/Zürich"),
        v("spec.load.signals[0].name", "rps\u200b"),
        v("spec.connections.delivery.envName", "DB_PÖÖL"),
        v("spec.schedules[0].name", "早上"),
        v("spec.connections.budgetRef.name", "pg\u0301"));
    add(
        new BugClass(
            "bad-object-name",
            "ScalingPolicy",
            Outcome.REFUSED,
            Set.of(),
            null,
            List.of(
                new Variant((o, r) -> set(o, "metadata.name", "Bad-Name"), "metadata.name"),
                new Variant(
                    (o, r) -> set(o, "metadata.name", "p".repeat(254 + r.nextInt(50))),
                    "metadata.name"),
                new Variant((o, r) -> set(o, "metadata.name", "poli\u00e7y"), "metadata.name"),
                new Variant((o, r) -> set(o, "metadata.name", "a..b"), "metadata.name")),
            List.of()));
    add(
        new BugClass(
            "oversized-metadata",
            "ScalingPolicy",
            Outcome.REFUSED,
            Set.of(),
            null,
            List.of(
                new Variant(
                    (o, r) ->
                        set(
                            o,
                            "metadata.annotations",
                            Map.of("note", "x".repeat(262_145 + r.nextInt(100_000)))),
                    "metadata.annotations"),
                new Variant(
                    (o, r) ->
                        set(o, "metadata.labels", Map.of("l", "y".repeat(64 + r.nextInt(100)))),
                    "metadata.labels")),
            List.of()));
  }

  private void refusedBudgets() {
    budget(
        "budget-max-connections",
        v("spec.maxConnections", 0),
        rnd("spec.maxConnections", r -> -1 - r.nextInt(1000)),
        rnd("spec.maxConnections", r -> 1_000_001 + r.nextInt(1_000_000)),
        v("spec.maxConnections", new BigInteger("18446744073709551617")),
        v("spec.maxConnections", 99.5));
    budget(
        "budget-reserved",
        rnd(
            "spec",
            r -> {
              int max = 1 + r.nextInt(1000);
              return budgetSpec(max, max + r.nextInt(100));
            },
            "reserved must be < maxConnections"),
        rnd("spec.reserved", r -> -1 - r.nextInt(1000), "spec.reserved"));
    budget(
        "budget-wrong-type",
        v("spec.maxConnections", "100"),
        v("spec.allowedNamespaces", "shop"),
        v("spec.observed", "sum(x)"),
        v("spec.namespaceSelector", List.of("team=a")),
        v("spec.reserved", true));
    budget(
        "budget-unknown-allocation",
        v("spec.allocation", "Random"),
        v("spec.allocation", "proportional"),
        v("spec.allocation", ""));
    budget(
        "budget-too-many-namespaces",
        rnd("spec.allowedNamespaces", r -> copies(257 + r.nextInt(100), i -> "ns-" + i)));
    budget(
        "budget-observed-query",
        v("spec.observed.query", "", "spec.observed.query"),
        rnd(
            "spec.observed.query",
            r -> "sum(" + "y".repeat(4097 + r.nextInt(5000)) + ")",
            "spec.observed.query"),
        rm("spec.observed.query"));
    budget(
        "budget-missing-required",
        rm("spec.maxConnections"),
        v("spec", Map.of(), "spec.maxConnections"));
  }

  private void reportedInStatus() {
    status(
        "unknown-time-zone",
        "Ready",
        Set.of("InvalidSpec"),
        v("spec.schedules[0].timeZone", "Mars/Olympus_Mons", "spec.schedules[0].timeZone"),
        v("spec.schedules[0].timeZone", "Europe/Atlantis", "spec.schedules[0].timeZone"),
        v("spec.schedules[0].timeZone", "America/Gotham", "spec.schedules[0].timeZone"),
        v("spec.schedules[0].timeZone", "Etc/GMT+99", "spec.schedules[0].timeZone"));
    status(
        "cron-never-fires",
        "Ready",
        Set.of("InvalidSpec"),
        v("spec.schedules[0].cron", "0 9 31 2 *", "spec.schedules[0].cron"),
        v("spec.schedules[0].cron", "0 0 30 2 *", "spec.schedules[0].cron"),
        v("spec.schedules[0].cron", "0 0 31 4 *", "spec.schedules[0].cron"),
        v("spec.schedules[0].cron", "0 0 31 11 *", "spec.schedules[0].cron"));
    status(
        "cron-value-out-of-range",
        "Ready",
        Set.of("InvalidSpec"),
        v("spec.schedules[0].cron", "99 9 * * *", "spec.schedules[0].cron"),
        v("spec.schedules[0].cron", "0 25 * * *", "spec.schedules[0].cron"),
        v("spec.schedules[0].cron", "0 9 * 13 *", "spec.schedules[0].cron"),
        v("spec.schedules[0].cron", "0 9 32 * *", "spec.schedules[0].cron"),
        v("spec.schedules[0].cron", "\uff10 9 * * *", "spec.schedules[0].cron"),
        v("spec.schedules[0].cron", "0 9 * * MON-XYZ", "spec.schedules[0].cron"));
    status(
        "zero-duration",
        "Ready",
        Set.of("InvalidSpec"),
        v("spec.schedules[0].duration", "0s", "spec.schedules[0].duration"),
        v("spec.schedules[0].duration", "0m0s", "spec.schedules[0].duration"),
        add("spec.forecast", Map.of("horizon", "0h", "leadTime", "0s"), "spec.forecast.horizon"));
    status(
        "schedule-lead-time-too-long",
        "Ready",
        Set.of("InvalidSpec"),
        v(
            "spec.schedules[0]",
            Map.of(
                "name",
                "hourly",
                "cron",
                "0 * * * *",
                "duration",
                "10m",
                "leadTime",
                "2h",
                "minReplicas",
                2),
            "spec.schedules[0].leadTime"),
        v(
            "spec.schedules[0]",
            Map.of(
                "name",
                "daily",
                "cron",
                "0 9 * * *",
                "duration",
                "1h",
                "leadTime",
                "25h",
                "minReplicas",
                2),
            "spec.schedules[0].leadTime"));
    status(
        "forecast-lead-time-beyond-horizon",
        "Ready",
        Set.of("InvalidSpec"),
        add("spec.forecast", Map.of("horizon", "1h", "leadTime", "2h"), "spec.forecast.leadTime"),
        add("spec.forecast", Map.of("horizon", "10m", "leadTime", "11m"), "spec.forecast.leadTime"),
        add(
            "spec.forecast",
            Map.of("lookback", "1h", "horizon", "2h", "leadTime", "1m"),
            "spec.forecast.lookback"));
    status(
        "duplicate-signal-names",
        "Ready",
        Set.of("InvalidSpec"),
        rnd(
            "spec.load.signals",
            r ->
                List.of(
                    Map.of("name", "rps", "query", "sum(a)", "target", 1 + r.nextInt(50)),
                    Map.of("name", "rps", "query", "sum(b)", "target", 1 + r.nextInt(50))),
            "spec.load.signals[1].name"));
    status(
        "duplicate-schedule-names",
        "Ready",
        Set.of("InvalidSpec"),
        v(
            "spec.schedules",
            List.of(
                Map.of("name", "peak", "cron", "0 9 * * *", "duration", "1h", "minReplicas", 2),
                Map.of("name", "peak", "cron", "0 18 * * *", "duration", "1h", "minReplicas", 2)),
            "spec.schedules[1].name"));
    status(
        "missing-budget",
        "Ready",
        Set.of("BudgetNotFound"),
        rnd(
            "spec.connections.budgetRef",
            r -> Map.of("name", "nope-" + r.nextInt(1000)),
            "spec.connections.budgetRef"),
        rnd(
            "spec.connections.budgetRef",
            r -> Map.of("name", BUDGET, "namespace", "absent-" + r.nextInt(1000)),
            "spec.connections.budgetRef"));
    status(
        "forbidden-budget-namespace",
        "Ready",
        Set.of("BudgetForbidden"),
        v(
            "spec.connections.budgetRef",
            Map.of("name", "shared", "namespace", otherNamespace),
            "does not allow namespace"),
        v(
            "spec.connections.budgetRef",
            Map.of("name", "listed-elsewhere", "namespace", otherNamespace),
            "does not allow namespace"),
        v(
            "spec.connections.budgetRef",
            Map.of("name", "selector-elsewhere", "namespace", otherNamespace),
            "does not allow namespace"));
    status(
        "missing-target",
        "Ready",
        Set.of("TargetNotFound"),
        rnd("spec.targetRef.name", r -> "ghost-" + r.nextInt(1000), "spec.targetRef"),
        v(
            "spec.targetRef",
            Map.of("apiVersion", "apps/v1", "kind", "StatefulSet", "name", TARGET),
            "spec.targetRef"));
    status(
        "target-without-scale-subresource",
        "Ready",
        Set.of("TargetNotScalable"),
        v(
            "spec.targetRef",
            Map.of("apiVersion", "v1", "kind", "ConfigMap", "name", "fuzz-config"),
            "spec.targetRef"),
        v(
            "spec.targetRef",
            Map.of("apiVersion", "autoscaling/v2", "kind", "HorizontalPodAutoscaler", "name", HPA),
            "spec.targetRef"),
        v(
            "spec.targetRef",
            Map.of("apiVersion", "example.com/v1", "kind", "Widget", "name", "w"),
            "spec.targetRef"),
        v(
            "spec.targetRef",
            Map.of("apiVersion", "apps/v9", "kind", "Deployment", "name", TARGET),
            "spec.targetRef"));
    status(
        "target-not-readable",
        "Ready",
        Set.of("TargetForbidden"),
        v(
            "spec.targetRef",
            Map.of("apiVersion", "v1", "kind", "Secret", "name", "fuzz-secret"),
            "spec.targetRef"),
        v(
            "spec.targetRef",
            Map.of("apiVersion", "apps/v1", "kind", "ReplicaSet", "name", "rs"),
            "spec.targetRef"),
        v(
            "spec.targetRef",
            Map.of("apiVersion", "v1", "kind", "ServiceAccount", "name", "default"),
            "spec.targetRef"));
    status(
        "overlapping-targets",
        "Ready",
        Set.of("ConflictingAutoscaler"),
        overlap(Map.of("name", OWNED), "spec.mode", "Enforce"),
        overlap(
            Map.of("apiVersion", "apps/v1", "kind", "Deployment", "name", OWNED),
            "spec.replicas.max",
            7));
    status(
        "cap-only-cycle",
        "Ready",
        Set.of("TargetNotScalable", "NoHpaToCap", "ConflictingAutoscaler"),
        v(
            "spec.targetRef",
            Map.of(
                "apiVersion",
                "autoscaling/v2",
                "kind",
                "HorizontalPodAutoscaler",
                "name",
                CYCLE_HPA),
            "spec.targetRef",
            "spec.ownership",
            "CapHpa"),
        new Variant(
            (o, r) -> {
              set(o, "spec.ownership", "CapHpa");
              set(
                  o,
                  "spec.targetRef",
                  Map.of(
                      "apiVersion",
                      "headroom.dev/v1alpha1",
                      "kind",
                      "ScalingPolicy",
                      "name",
                      get(o, "metadata.name")));
            },
            "spec.targetRef"),
        new Variant(
            (o, r) -> {
              set(o, "spec.ownership", "CapHpa");
              remove(o, "spec.connections");
            },
            "no HorizontalPodAutoscaler targets"),
        overlap(Map.of("name", "fuzz-capped"), "spec.ownership", "CapHpa"));
    status(
        "bad-promql",
        "MetricsAvailable",
        Set.of("MetricsUnavailable"),
        v("spec.load.signals[0].query", "sum(rate(x[1m])", "signal rps", "spec.mode", "DryRun"),
        v("spec.load.signals[0].query", "{}", "signal rps", "spec.mode", "DryRun"),
        v("spec.load.signals[0].query", "up{job=\"x\"} / on(", "signal rps", "spec.mode", "DryRun"),
        v("spec.load.signals[0].query", "sum(ünïcödé)", "signal rps", "spec.mode", "DryRun"),
        v(
            "spec.load.signals[0].query",
            "label_replace(up, \"a\", \"$1\", \"b\", \"(\")",
            "signal rps",
            "spec.mode",
            "DryRun"));
    status(
        "missing-spec",
        "Ready",
        Set.of("InvalidSpec"),
        new Variant((o, r) -> remove(o, "spec"), "spec: Required value"));
  }

  private void budgetsReportedInStatus() {
    budgetStatus(
        "budget-bad-namespace-name",
        v("spec.allowedNamespaces", List.of("Shop"), "spec.allowedNamespaces[0]"),
        v("spec.allowedNamespaces", List.of("shop", "shop team"), "spec.allowedNamespaces[1]"),
        v("spec.allowedNamespaces", List.of(""), "spec.allowedNamespaces[0]"),
        v("spec.allowedNamespaces", List.of("*.prod"), "spec.allowedNamespaces[0]"),
        rnd(
            "spec.allowedNamespaces",
            r -> List.of("n".repeat(64 + r.nextInt(100))),
            "spec.allowedNamespaces[0]"));
    budgetStatus(
        "budget-bad-namespace-selector",
        v(
            "spec.namespaceSelector",
            Map.of(
                "matchExpressions",
                List.of(Map.of("key", "team", "operator", "Maybe", "values", List.of("a")))),
            "spec.namespaceSelector.matchExpressions[0].operator"),
        v(
            "spec.namespaceSelector",
            Map.of(
                "matchExpressions",
                List.of(Map.of("key", "team", "operator", "In", "values", List.of()))),
            "spec.namespaceSelector.matchExpressions[0].values"),
        v(
            "spec.namespaceSelector",
            Map.of(
                "matchExpressions",
                List.of(Map.of("key", "team", "operator", "Exists", "values", List.of("a")))),
            "spec.namespaceSelector.matchExpressions[0].values"),
        v(
            "spec.namespaceSelector",
            Map.of(
                "matchLabels",
                Map.of("team", "a"),
                "matchExpressions",
                List.of(Map.of("key", "", "operator", "Exists"))),
            "spec.namespaceSelector.matchExpressions[0].key"));
  }

  private void budgetMissingSpec() {
    budgetStatus(
        "budget-missing-spec", new Variant((o, r) -> remove(o, "spec"), "spec: Required value"));
  }

  private void pruned() {
    add(
        new BugClass(
            "unknown-fields",
            "ScalingPolicy",
            Outcome.PRUNED,
            Set.of(),
            null,
            List.of(
                new Variant(
                    (o, r) -> {
                      // DryRun without a budget: also the case whose dry-run record once unboxed a
                      // null pool.
                      set(o, "spec.mode", "DryRun");
                      remove(o, "spec.connections");
                      set(o, "spec.replicaz", Map.of("min", 99));
                      set(o, "spec.replicas.maximum", 1000);
                      set(o, "spec.load.signals[0].weight", 3);
                    },
                    "spec.replicaz")),
            List.of("spec.replicaz", "spec.replicas.maximum", "spec.load.signals[0].weight")));
    add(
        new BugClass(
            "unknown-fields-budget",
            "ConnectionBudget",
            Outcome.PRUNED,
            Set.of(),
            null,
            List.of(
                new Variant(
                    (o, r) -> {
                      set(o, "spec.maxConnectionz", 100_000);
                      set(o, "spec.observed.interval", "1s");
                    },
                    "spec.maxConnectionz")),
            List.of("spec.maxConnectionz", "spec.observed.interval")));
  }

  // ---- building blocks ----

  private void policy(String name, Variant... variants) {
    add(
        new BugClass(
            name, "ScalingPolicy", Outcome.REFUSED, Set.of(), null, List.of(variants), List.of()));
  }

  private void budget(String name, Variant... variants) {
    add(
        new BugClass(
            name,
            "ConnectionBudget",
            Outcome.REFUSED,
            Set.of(),
            null,
            List.of(variants),
            List.of()));
  }

  private void status(String name, String condition, Set<String> reasons, Variant... variants) {
    add(
        new BugClass(
            name,
            "ScalingPolicy",
            Outcome.STATUS,
            reasons,
            condition,
            List.of(variants),
            List.of()));
  }

  private void budgetStatus(String name, Variant... variants) {
    add(
        new BugClass(
            name,
            "ConnectionBudget",
            Outcome.STATUS,
            Set.of("InvalidSpec"),
            "Ready",
            List.of(variants),
            List.of()));
  }

  private void add(BugClass c) {
    if (classes.stream().anyMatch(x -> x.name().equals(c.name()))) {
      throw new IllegalStateException("duplicate class " + c.name());
    }
    classes.add(c);
  }

  /** Set {@code path} to {@code value}; the refusal names the path. */
  private static Variant v(String path, Object value) {
    return v(path, value, path);
  }

  private static Variant v(String path, Object value, String expect, Object... alsoSet) {
    return new Variant(
        (o, r) -> {
          set(o, path, value);
          for (int i = 0; i < alsoSet.length; i += 2) {
            set(o, (String) alsoSet[i], alsoSet[i + 1]);
          }
        },
        expect);
  }

  /**
   * A valid policy on a workload an older policy already owns ({@link #OWNER_POLICY} on {@link
   * #OWNED}, {@link #CAP_OWNER_POLICY} on {@code fuzz-capped}). Without a budget, so that the only
   * thing wrong with it is the overlap.
   */
  private static Variant overlap(Map<String, String> targetRef, String field, Object value) {
    String owner = OWNED.equals(targetRef.get("name")) ? OWNER_POLICY : CAP_OWNER_POLICY;
    return new Variant(
        (o, r) -> {
          targetRef.forEach((k, v) -> set(o, "spec.targetRef." + k, v));
          set(o, field, value);
          remove(o, "spec.connections");
        },
        "ScalingPolicy " + owner);
  }

  private static Variant rnd(String path, java.util.function.Function<Random, Object> value) {
    return rnd(path, value, path);
  }

  private static Variant rnd(
      String path, java.util.function.Function<Random, Object> value, String expect) {
    return new Variant((o, r) -> set(o, path, value.apply(r)), expect);
  }

  private static Variant add(String path, Object value, String expect) {
    return v(path, value, expect);
  }

  /** Remove {@code path}: the refusal says it is required. */
  private static Variant rm(String path) {
    return new Variant((o, r) -> remove(o, path), path);
  }

  private static List<Object> copies(int n, java.util.function.IntFunction<Object> item) {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(item.apply(i));
    }
    return out;
  }

  private static Map<String, Object> spec(Random r, int min, int poolMin) {
    Map<String, Object> spec = parse(BASE_POLICY);
    @SuppressWarnings("unchecked")
    Map<String, Object> s = (Map<String, Object>) spec.get("spec");
    set(spec, "spec.replicas", Map.of("min", min, "max", min + r.nextInt(100)));
    set(spec, "spec.connections.poolSize", Map.of("min", poolMin, "max", poolMin + r.nextInt(100)));
    set(spec, "spec.schedules[0].minReplicas", min);
    return s;
  }

  private static Map<String, Object> budgetSpec(int max, int reserved) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("maxConnections", max);
    spec.put("reserved", reserved);
    return spec;
  }

  static Map<String, Object> parse(String yaml) {
    try {
      return YAML.readValue(yaml, new TypeReference<LinkedHashMap<String, Object>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Value at a dotted path with list indexes ({@code spec.load.signals[0].name}), or null. */
  static Object get(Map<String, Object> root, String path) {
    Object at = root;
    for (Object step : steps(path)) {
      if (step instanceof Integer i) {
        if (!(at instanceof List<?> list) || i >= list.size()) {
          return null;
        }
        at = list.get(i);
      } else {
        if (!(at instanceof Map<?, ?> map)) {
          return null;
        }
        at = map.get(step);
      }
    }
    return at;
  }

  @SuppressWarnings("unchecked")
  static void set(Map<String, Object> root, String path, Object value) {
    List<Object> steps = steps(path);
    Object at = root;
    for (int i = 0; i < steps.size() - 1; i++) {
      Object step = steps.get(i);
      Object next =
          step instanceof Integer idx
              ? ((List<Object>) at).get(idx)
              : ((Map<String, Object>) at).get(step);
      if (!(next instanceof Map) && !(next instanceof List)) {
        next = new LinkedHashMap<String, Object>();
        if (step instanceof Integer idx) {
          ((List<Object>) at).set(idx, next);
        } else {
          ((Map<String, Object>) at).put((String) step, next);
        }
      } else if (next instanceof Map<?, ?> m && !(m instanceof LinkedHashMap)) {
        next = new LinkedHashMap<>((Map<String, Object>) m);
        if (step instanceof Integer idx) {
          ((List<Object>) at).set(idx, next);
        } else {
          ((Map<String, Object>) at).put((String) step, next);
        }
      }
      at = next;
    }
    Object last = steps.get(steps.size() - 1);
    if (last instanceof Integer idx) {
      ((List<Object>) at).set(idx, value);
    } else {
      ((Map<String, Object>) at).put((String) last, value);
    }
  }

  @SuppressWarnings("unchecked")
  static void remove(Map<String, Object> root, String path) {
    List<Object> steps = steps(path);
    Object parent = get(root, path.contains(".") ? path.substring(0, path.lastIndexOf('.')) : "");
    if (steps.size() == 1) {
      parent = root;
    }
    if (parent instanceof Map<?, ?> m) {
      ((Map<String, Object>) m).remove((String) steps.get(steps.size() - 1));
    }
  }

  private static List<Object> steps(String path) {
    List<Object> steps = new ArrayList<>();
    Matcher m = STEP.matcher(path);
    while (m.find()) {
      steps.add(m.group(1) != null ? m.group(1) : (Object) Integer.valueOf(m.group(2)));
    }
    return steps;
  }
}
