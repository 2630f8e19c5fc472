package dev.headroom.simulator.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.headroom.engine.budget.AllocationStrategy;
import dev.headroom.engine.model.Behavior;
import dev.headroom.engine.model.PolicyType;
import dev.headroom.engine.model.SignalKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ManifestReaderTest {

  static final String POLICY =
      """
      apiVersion: headroom.dev/v1alpha1
      kind: ScalingPolicy
      metadata:
        name: web
        namespace: shop
      spec:
        targetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
        replicas: {min: 2, max: 30}
        load:
          signals:
            - name: requests
              query: sum(rate(x[2m]))
              target: 40
        connections:
          budgetRef: {name: orders-db, namespace: databases}
          poolSize: {min: 5, max: 20}
          priority: 100
          delivery: {type: Env, container: web, envName: DB_POOL_SIZE}
        behavior:
          scaleDown:
            policies:
              - {type: Percent, value: 20, periodSeconds: 60}
      """;

  private static Manifests read(String yaml) {
    return new ManifestReader().read("p.yaml", yaml);
  }

  @Test
  void mapsAPolicyWithApiDefaults() {
    PolicyManifest p = read(POLICY).policies().get(0);
    assertThat(p.id()).isEqualTo("shop/web");
    assertThat(p.spec().replicas().min()).isEqualTo(2);
    assertThat(p.fedSignal())
        .hasValueSatisfying(
            s -> {
              assertThat(s.kind()).isEqualTo(SignalKind.AVERAGE_VALUE);
              assertThat(s.target()).isEqualTo(40);
            });
    assertThat(p.budgetId()).hasValue("databases/orders-db");
    assertThat(p.maxSurge()).isEmpty();
    assertThat(p.priority()).isEqualTo(100);
    // absent fields of a partly given behavior take the HPA defaults
    assertThat(p.spec().behavior().scaleDown().stabilizationWindowSeconds()).isEqualTo(300);
    assertThat(p.spec().behavior().scaleDown().policies().get(0).type())
        .isEqualTo(PolicyType.PERCENT);
    assertThat(p.spec().behavior().scaleUp()).isEqualTo(Behavior.defaults().scaleUp());
    assertThat(p.notes())
        .containsExactly(
            "spec.connections.delivery Env rolls out pods on a pool"
                + " change; the simulator applies pool changes at once");
  }

  @Test
  void mapsTheForecastWithApiDefaultsAndFollowsTheFedSignal() {
    PolicyManifest defaults = read(POLICY + "  forecast: {}\n").policies().get(0);
    assertThat(defaults.spec().forecast())
        .hasValueSatisfying(
            f -> {
              assertThat(f.enabled()).isTrue();
              assertThat(f.lookback()).isEqualTo(java.time.Duration.ofDays(14));
              assertThat(f.horizon()).isEqualTo(java.time.Duration.ofHours(1));
              assertThat(f.leadTime()).isEqualTo(java.time.Duration.ofMinutes(10));
              assertThat(f.seasonality()).isEqualTo(dev.headroom.engine.model.Seasonality.WEEKLY);
              assertThat(f.signal()).isNull();
            });

    PolicyManifest other =
        read(POLICY.replace(
                    """
                target: 40
        """,
                    """
                target: 40
              - {name: backlog, query: q, type: Value, target: 100}
        """)
                + """
          forecast: {signal: backlog, seasonality: Daily, lookback: 3d, horizon: 30m,
            leadTime: 5m}
        """)
            .policies()
            .get(0);
    assertThat(other.spec().forecast())
        .hasValueSatisfying(
            f -> {
              assertThat(f.seasonality()).isEqualTo(dev.headroom.engine.model.Seasonality.DAILY);
              assertThat(f.lookback()).isEqualTo(java.time.Duration.ofDays(3));
              assertThat(f.signal()).isNull();
            });
    assertThat(other.notes())
        .contains(
            "spec.forecast.signal 'backlog' not simulated: the"
                + " forecast follows the signal the trace feeds, 'requests'");
  }

  @Test
  void aBadForecastFieldNamesTheField() {
    assertThatThrownBy(() -> read(POLICY + "  forecast: {seasonality: Hourly}\n"))
        .hasMessageContaining("spec.forecast.seasonality");
  }

  @Test
  void readsBudgetsSkipsOtherKindsAndNotesWhatIsNotSimulated() {
    Manifests m =
        read(
            """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        ---
        apiVersion: headroom.dev/v1alpha1
        kind: ConnectionBudget
        metadata: {name: orders-db}
        spec:
          maxConnections: 200
          reserved: 20
          allocation: Priority
          observed: {query: sum(pg_stat_activity_count)}
        ---
        apiVersion: headroom.dev/v1alpha1
        kind: ScalingPolicy
        metadata: {name: search}
        spec:
          mode: DryRun
          replicas: {min: 3, max: 40}
          load:
            signals:
              - {name: requests, query: q, target: 30}
              - {name: backlog, query: q, type: Value, target: 100}
          forecast: {enabled: true, signal: requests}
        """);
    assertThat(m.budgets())
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.id()).isEqualTo("default/orders-db");
              assertThat(b.spec().available()).isEqualTo(180);
              assertThat(b.spec().allocation()).isEqualTo(AllocationStrategy.PRIORITY);
              assertThat(b.notes()).hasSize(1);
            });
    PolicyManifest p = m.policies().get(0);
    assertThat(p.spec().load()).hasSize(1);
    assertThat(p.notes())
        .containsExactly(
            "spec.load.signals[1] 'backlog' not simulated: the trace's request rate feeds only the"
                + " first AverageValue signal",
            "spec.mode DryRun simulated as Enforce: the simulation shows what Headroom would do");
  }

  /**
   * The files users apply, each on its own (directories of examples may reuse names); reports.yaml
   * scales on a queue length, which no request trace feeds.
   */
  @Test
  void readsTheRepositoryExamples() throws Exception {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(Path.of("../examples"))) {
      files =
          walk.filter(f -> f.toString().endsWith(".yaml"))
              .filter(f -> !f.getFileName().toString().equals("reports.yaml"))
              .sorted()
              .toList();
    }
    List<String> names = new java.util.ArrayList<>();
    int budgets = 0;
    for (Path file : files) {
      Manifests m = new ManifestReader().read(List.of(file));
      m.policies().forEach(p -> names.add(p.name()));
      budgets += m.budgets().size();
    }
    assertThat(names).contains("web", "checkout", "catalog", "shop", "search");
    assertThat(budgets).isPositive();
  }

  static Stream<Arguments> broken() {
    return Stream.of(
        Arguments.of(
            "not YAML", "kind: ScalingPolicy\n  spec: [\n", "p.yaml: not valid YAML at line"),
        Arguments.of(
            "missing max",
            POLICY.replace("replicas: {min: 2, max: 30}", "replicas: {min: 2}"),
            "p.yaml, document 1 (ScalingPolicy 'web'): spec.replicas.max: required"),
        Arguments.of(
            "string for an integer",
            POLICY.replace("max: 30", "max: thirty"),
            "p.yaml, document 1 (ScalingPolicy 'web'): spec.replicas.max: expected an integer,"
                + " got the string 'thirty'"),
        Arguments.of(
            "min above max",
            POLICY.replace("min: 2, max: 30", "min: 40, max: 30"),
            "p.yaml, document 1 (ScalingPolicy 'web'): spec.replicas.min: must be <="
                + " spec.replicas.max (40 > 30)"),
        Arguments.of(
            "unknown signal type",
            POLICY.replace("target: 40", "target: 40\n        type: Average"),
            "p.yaml, document 1 (ScalingPolicy 'web'): spec.load.signals[0].type: 'Average' is"
                + " not one of AverageValue, Value"),
        Arguments.of(
            "bad duration",
            """
            apiVersion: headroom.dev/v1alpha1
            kind: ScalingPolicy
            metadata: {name: shop}
            spec:
              replicas: {min: 2, max: 20}
              load: {signals: [{name: r, query: q, target: 50}]}
              schedules:
                - {name: morning, cron: "0 9 * * 1-5", duration: 3 hours, minReplicas: 12}
            """,
            "p.yaml, document 1 (ScalingPolicy 'shop'): spec.schedules[0].duration: '3 hours' is"
                + " not a duration such as 90s, 10m, 1h30m or 14d"),
        Arguments.of(
            "nothing to feed",
            """
            apiVersion: headroom.dev/v1alpha1
            kind: ScalingPolicy
            metadata: {name: reports}
            spec:
              replicas: {min: 1, max: 6}
              load: {signals: [{name: backlog, query: q, type: Value, target: 100}]}
            """,
            "p.yaml, document 1 (ScalingPolicy 'reports'): spec.load: a request-rate trace needs"
                + " an AverageValue signal (requests per second, target per replica) or a"
                + " concurrency signal with spec.capacity to feed; this policy has neither"),
        Arguments.of(
            "reserved too large",
            """
            apiVersion: headroom.dev/v1alpha1
            kind: ConnectionBudget
            metadata: {name: db}
            spec: {maxConnections: 10, reserved: 10}
            """,
            "p.yaml, document 1 (ConnectionBudget 'db'): spec.reserved: must be less than"
                + " spec.maxConnections (10 >= 10)"),
        Arguments.of(
            "other API group",
            POLICY.replace("headroom.dev/v1alpha1", "example.com/v1"),
            "p.yaml, document 1 (ScalingPolicy 'web'): apiVersion: expected"
                + " headroom.dev/v1alpha1, got 'example.com/v1'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("broken")
  void rejectsWithFileDocumentAndField(String name, String yaml, String message) {
    assertThatThrownBy(() -> read(yaml))
        .isInstanceOf(ManifestException.class)
        .hasMessageStartingWith(message);
  }

  @Test
  void rejectsTheSamePolicyTwice(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path a = Files.writeString(dir.resolve("a.yaml"), POLICY);
    Path b = Files.writeString(dir.resolve("b.yaml"), POLICY);
    assertThatThrownBy(() -> new ManifestReader().read(List.of(a, b)))
        .isInstanceOf(ManifestException.class)
        .hasMessage("ScalingPolicy 'shop/web' is given twice");
  }
}
