package dev.headroom.operator.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.headroom.operator.api.v1alpha1.ConnectionBudget;
import dev.headroom.operator.api.v1alpha1.ConnectionBudgetSpec;
import dev.headroom.operator.api.v1alpha1.ConnectionsSpec;
import dev.headroom.operator.api.v1alpha1.LoadSignal;
import dev.headroom.operator.api.v1alpha1.Ownership;
import dev.headroom.operator.api.v1alpha1.PolicyMode;
import dev.headroom.operator.api.v1alpha1.ScalingPolicy;
import dev.headroom.operator.api.v1alpha1.ScalingPolicySpec;
import dev.headroom.operator.api.v1alpha1.ScheduleSpec;
import dev.headroom.operator.docs.Examples.Doc;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example under {@code examples/} is a complete manifest that loads with the Fabric8
 * serialization into the operator's API classes, failing on unknown properties, with the fields the
 * operator needs. Each file (a subdirectory of {@code examples/} counts as one unit) applies on its
 * own: its target workloads, ConfigMaps, HPAs and budgets are in it.
 *
 * <p>Whether the API server accepts them (structural schema, CEL rules) is checked against the real
 * API server by {@link ExamplesSchemaIT}; applying them with the operator running is {@code
 * ExamplesIT}.
 */
class ExamplesMatchSchemaTest {

  static final Path ROOT = Examples.ROOT;
  static final Path EXAMPLES = Examples.DIR;

  /** The example files, relative to examples/, for readable test names. */
  static Stream<String> exampleNames() {
    return Examples.names();
  }

  static Stream<Path> exampleFiles() {
    return Examples.files();
  }

  static List<Doc> docs(Path file) {
    return Examples.docs(file);
  }

  /** A top-level file is its own unit; a subdirectory of examples/ is one unit as a whole. */
  static List<Doc> unitOf(Path file) {
    Path rel = EXAMPLES.relativize(file);
    if (rel.getNameCount() == 1) {
      return docs(file);
    }
    Path dir = EXAMPLES.resolve(rel.getName(0));
    return exampleFiles().filter(p -> p.startsWith(dir)).flatMap(p -> docs(p).stream()).toList();
  }

  static Doc only(List<Doc> docs, String kind) {
    List<Doc> found = docs.stream().filter(d -> d.kind().equals(kind)).toList();
    assertThat(found).as("%s documents", kind).hasSize(1);
    return found.get(0);
  }

  static ScalingPolicy loadPolicy(Doc doc) {
    return load(doc, ScalingPolicy.class);
  }

  /**
   * Loads a document with the Fabric8 serialization, which fails on unknown properties (proved by
   * {@link #anUnknownPropertyFailsTheLoad()}).
   */
  static <T extends HasMetadata> T load(Doc doc, Class<T> type) {
    return load(doc.node(), type, doc.toString());
  }

  static <T extends HasMetadata> T load(JsonNode node, Class<T> type, String what) {
    try {
      return Serialization.unmarshal(Serialization.asJson(node), type);
    } catch (RuntimeException e) {
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      throw new AssertionError(
          what + " does not load into " + type.getSimpleName() + ": " + root.getMessage(), e);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // every file

  @ParameterizedTest(name = "{0}")
  @MethodSource("exampleNames")
  void everyDocumentIsAKubernetesObject(String name) {
    Path file = EXAMPLES.resolve(name);
    List<Doc> docs = docs(file);

    assertThat(docs).as("documents in %s", file).isNotEmpty();
    for (Doc d : docs) {
      assertThat(d.apiVersion()).as("%s apiVersion", d).isNotBlank();
      assertThat(d.kind()).as("%s kind", d).isNotBlank();
      assertThat(d.name()).as("%s metadata.name", d).matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");
      assertThat(d.node().path("metadata").has("namespace"))
          .as("%s sets metadata.namespace; examples apply to the namespace of the user's choice", d)
          .isFalse();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exampleNames")
  void everyHeadroomDocumentLoadsIntoTheApiClassesWithItsRequiredFields(String name) {
    for (Doc d : docs(EXAMPLES.resolve(name))) {
      if (d.kind().equals("ScalingPolicy")) {
        ScalingPolicy sp = loadPolicy(d);
        assertThat(sp.getMetadata().getAdditionalProperties()).as("%s metadata", d).isEmpty();
        assertRequiredFieldsSet(d, sp.getSpec());
      } else if (d.kind().equals("ConnectionBudget")) {
        ConnectionBudget cb = load(d, ConnectionBudget.class);
        assertThat(cb.getMetadata().getAdditionalProperties()).as("%s metadata", d).isEmpty();
        assertRequiredFieldsSet(d, cb.getSpec());
      }
    }
  }

  static void assertRequiredFieldsSet(Doc d, ScalingPolicySpec spec) {
    assertThat(spec).as("%s spec", d).isNotNull();
    assertThat(spec.getTargetRef()).as("%s spec.targetRef", d).isNotNull();
    assertThat(spec.getTargetRef().getApiVersion())
        .as("%s spec.targetRef.apiVersion", d)
        .isNotBlank();
    assertThat(spec.getTargetRef().getKind()).as("%s spec.targetRef.kind", d).isNotBlank();
    assertThat(spec.getTargetRef().getName()).as("%s spec.targetRef.name", d).isNotBlank();
    assertThat(spec.getReplicas()).as("%s spec.replicas", d).isNotNull();
    assertThat(spec.getReplicas().getMax()).as("%s spec.replicas.max", d).isPositive();
    assertThat(spec.getLoad()).as("%s spec.load", d).isNotNull();
    assertThat(
            (spec.getLoad().getSignals() != null && !spec.getLoad().getSignals().isEmpty())
                || spec.getLoad().getConcurrency() != null)
        .as("%s has a load signal", d)
        .isTrue();
    if (spec.getLoad().getSignals() != null) {
      for (LoadSignal s : spec.getLoad().getSignals()) {
        assertThat(s.getName()).as("%s signal name", d).isNotBlank();
        assertThat(s.getQuery()).as("%s signal query", d).isNotBlank();
        assertThat(s.getTarget()).as("%s signal target", d).isPositive();
      }
    }
    if (spec.getLoad().getConcurrency() != null) {
      assertThat(spec.getLoad().getConcurrency().getRateQuery()).isNotBlank();
      assertThat(spec.getLoad().getConcurrency().getLatencyQuery()).isNotBlank();
      assertThat(spec.getCapacity())
          .as("%s: a concurrency signal needs spec.capacity for its per-replica limit", d)
          .isNotNull();
    }
    if (spec.getCapacity() != null) {
      assertThat(spec.getCapacity().getResource()).as("%s capacity.resource", d).isNotBlank();
      assertThat(spec.getCapacity().getPerReplica()).as("%s capacity.perReplica", d).isPositive();
    }
    ConnectionsSpec c = spec.getConnections();
    if (c != null) {
      assertThat(c.getBudgetRef()).as("%s connections.budgetRef", d).isNotNull();
      assertThat(c.getBudgetRef().getName()).as("%s connections.budgetRef.name", d).isNotBlank();
      assertThat(c.getPoolSize()).as("%s connections.poolSize", d).isNotNull();
      assertThat(c.getPoolSize().getMin())
          .isPositive()
          .isLessThanOrEqualTo(c.getPoolSize().getMax());
      assertThat(c.getDelivery()).as("%s connections.delivery", d).isNotNull();
      assertThat(c.getDelivery().getType()).as("%s connections.delivery.type", d).isNotNull();
    }
    if (spec.getSchedules() != null) {
      for (ScheduleSpec s : spec.getSchedules()) {
        assertThat(s.getName()).isNotBlank();
        assertThat(s.getCron()).isNotBlank();
        assertThat(s.getDuration()).isNotBlank();
      }
    }
  }

  static void assertRequiredFieldsSet(Doc d, ConnectionBudgetSpec spec) {
    assertThat(spec).as("%s spec", d).isNotNull();
    assertThat(spec.getMaxConnections()).as("%s spec.maxConnections", d).isPositive();
    assertThat(spec.getReserved()).as("%s spec.reserved", d).isLessThan(spec.getMaxConnections());
    if (spec.getObserved() != null) {
      assertThat(spec.getObserved().getQuery()).as("%s spec.observed.query", d).isNotBlank();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exampleNames")
  void everyFileAppliesOnItsOwn(String name) {
    Path file = EXAMPLES.resolve(name);
    List<Doc> unit = unitOf(file);
    for (Doc d : docs(file)) {
      if (!d.kind().equals("ScalingPolicy")) {
        continue;
      }
      ScalingPolicySpec spec = loadPolicy(d).getSpec();
      Doc target =
          find(unit, spec.getTargetRef().getKind(), spec.getTargetRef().getName())
              .orElseThrow(() -> new AssertionError(d + ": its target is not in the same file"));
      assertThat(target.apiVersion()).isEqualTo(spec.getTargetRef().getApiVersion());
      assertWorkloadIsSound(target);

      if (spec.getOwnership() == Ownership.CAP_HPA) {
        assertThat(unit)
            .as("%s: ownership CapHpa needs an HPA on its target", d)
            .anySatisfy(h -> assertHpaTargets(h, target));
      }
      if (spec.getConnections() != null) {
        assertPoolDeliveryResolves(d, spec.getConnections(), target, unit);
      }
    }
  }

  static Optional<Doc> find(List<Doc> docs, String kind, String name) {
    return docs.stream().filter(x -> x.kind().equals(kind) && x.name().equals(name)).findFirst();
  }

  static void assertHpaTargets(Doc hpa, Doc target) {
    assertThat(hpa.kind()).isEqualTo("HorizontalPodAutoscaler");
    assertThat(hpa.node().at("/spec/scaleTargetRef/kind").asText()).isEqualTo(target.kind());
    assertThat(hpa.node().at("/spec/scaleTargetRef/name").asText()).isEqualTo(target.name());
  }

  static void assertPoolDeliveryResolves(Doc d, ConnectionsSpec c, Doc target, List<Doc> unit) {
    String budget = c.getBudgetRef().getName();
    assertThat(c.getBudgetRef().getNamespace())
        .as("%s: budget in the policy namespace", d)
        .isNull();
    assertThat(find(unit, "ConnectionBudget", budget))
        .as("%s: budget %s in the same file or directory", d, budget)
        .isPresent();

    JsonNode template = target.node().at("/spec/template");
    var delivery = c.getDelivery();
    switch (delivery.getType()) {
      case ENV -> {
        JsonNode container = null;
        for (JsonNode k : template.at("/spec/containers")) {
          if (k.path("name").asText().equals(delivery.getContainer())) {
            container = k;
          }
        }
        assertThat(container)
            .as("%s: container %s in the target", d, delivery.getContainer())
            .isNotNull();
        assertThat(container.path("env"))
            .as("%s: env var %s in the container (start value)", d, delivery.getEnvName())
            .anySatisfy(e -> assertThat(e.path("name").asText()).isEqualTo(delivery.getEnvName()));
      }
      case CONFIG_MAP -> {
        Doc cm =
            find(unit, "ConfigMap", delivery.getConfigMapName())
                .orElseThrow(
                    () -> new AssertionError(d + ": its ConfigMap is not in the same file"));
        assertThat(delivery.getKey())
            .as("%s: ConfigMap keys have no prefix", d)
            .doesNotContain("/");
        assertThat(cm.node().path("data").has(delivery.getKey()))
            .as("%s: key %s in ConfigMap %s", d, delivery.getKey(), cm.name())
            .isTrue();
      }
      case ANNOTATION ->
          assertThat(template.at("/metadata/annotations").has(delivery.getKey()))
              .as("%s: pod-template annotation %s in the target", d, delivery.getKey())
              .isTrue();
    }
  }

  /** What the API server would reject or what would make the example useless. */
  static void assertWorkloadIsSound(Doc workload) {
    JsonNode spec = workload.node().path("spec");
    if (workload.kind().equals("Deployment")) {
      JsonNode selector = spec.at("/selector/matchLabels");
      JsonNode labels = spec.at("/template/metadata/labels");
      assertThat(selector.size()).as("%s selector", workload).isPositive();
      selector
          .properties()
          .forEach(
              e ->
                  assertThat(labels.path(e.getKey()))
                      .as("%s: selector matches the template labels", workload)
                      .isEqualTo(e.getValue()));
      assertThat(spec.has("replicas"))
          .as("%s: no spec.replicas, or kubectl apply resets what the scaler set", workload)
          .isFalse();
      for (JsonNode c : spec.at("/template/spec/containers")) {
        assertThat(c.path("image").asText()).as("%s image", workload).isEqualTo("nginx");
        for (JsonNode e : c.path("env")) {
          assertThat(e.path("value").isTextual() || e.has("valueFrom"))
              .as("%s env %s must be a string", workload, e.path("name").asText())
              .isTrue();
        }
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // the set of examples

  @Test
  void theRequestedExamplesAreThere() {
    Map<String, List<Doc>> byFile = new HashMap<>();
    exampleNames().forEach(n -> byFile.put(n, docs(EXAMPLES.resolve(n))));

    ConnectionBudget postgres =
        load(
            only(byFile.get("connectionbudget-postgres.yaml"), "ConnectionBudget"),
            ConnectionBudget.class);
    assertThat(postgres.getSpec().getMaxConnections()).isEqualTo(100);
    assertThat(postgres.getSpec().getReserved()).isEqualTo(10);
    assertThat(postgres.getSpec().getAllocation().name()).isEqualTo("PROPORTIONAL");

    ScalingPolicy web = policyOf(byFile, "scalingpolicy-web-threads.yaml");
    assertThat(web.getSpec().getCapacity().getResource()).isEqualTo("threads");
    assertThat(web.getSpec().getLoad().getSignals()).isNotEmpty();

    List<Doc> shared =
        byFile.entrySet().stream()
            .filter(e -> e.getKey().startsWith("shared-budget/"))
            .flatMap(e -> e.getValue().stream())
            .toList();
    assertThat(shared.stream().filter(d -> d.kind().equals("ConnectionBudget"))).hasSize(1);
    List<ScalingPolicy> sharing =
        shared.stream()
            .filter(d -> d.kind().equals("ScalingPolicy"))
            .map(ExamplesMatchSchemaTest::loadPolicy)
            .toList();
    assertThat(sharing).hasSize(3);
    assertThat(sharing)
        .extracting(p -> p.getSpec().getConnections().getBudgetRef().getName())
        .containsOnly(only(shared, "ConnectionBudget").name());

    ScalingPolicy morning = policyOf(byFile, "scalingpolicy-weekday-morning.yaml");
    assertThat(morning.getSpec().getSchedules())
        .anySatisfy(
            s -> {
              assertThat(s.getCron().trim().split("\\s+"))
                  .containsExactly("0", "9", "*", "*", "1-5");
              assertThat(s.getTimeZone()).isEqualTo("Europe/Berlin");
              assertThat(s.getLeadTime()).isNotBlank();
            });

    ScalingPolicy forecast = policyOf(byFile, "scalingpolicy-forecast.yaml");
    assertThat(forecast.getSpec().getForecast()).isNotNull();
    assertThat(forecast.getSpec().getForecast().isEnabled()).isTrue();
    assertThat(forecast.getSpec().getLoad().getSignals())
        .extracting(LoadSignal::getName)
        .contains(forecast.getSpec().getForecast().getSignal());

    ScalingPolicy dryRun = policyOf(byFile, "scalingpolicy-dryrun.yaml");
    assertThat(dryRun.getSpec().getMode()).isEqualTo(PolicyMode.DRY_RUN);

    ScalingPolicy capHpa = policyOf(byFile, "scalingpolicy-cap-hpa.yaml");
    assertThat(capHpa.getSpec().getOwnership()).isEqualTo(Ownership.CAP_HPA);
    assertThat(capHpa.getSpec().getConnections()).isNotNull();
    Doc hpa = only(byFile.get("scalingpolicy-cap-hpa.yaml"), "HorizontalPodAutoscaler");
    assertThat(hpa.apiVersion()).isEqualTo("autoscaling/v2");
  }

  static ScalingPolicy policyOf(Map<String, List<Doc>> byFile, String file) {
    assertThat(byFile).as("examples").containsKey(file);
    return loadPolicy(only(byFile.get(file), "ScalingPolicy"));
  }

  @Test
  void theManifestsInTheApiReferenceLoadIntoTheApiClassesToo() {
    List<String> kinds = new ArrayList<>();
    for (Doc d : Examples.yamlBlocks(ROOT.resolve("docs/api.md"))) {
      assertThat(d.isHeadroom()).as("yaml block %s is a Headroom manifest", d.index()).isTrue();
      if (d.kind().equals("ScalingPolicy")) {
        assertRequiredFieldsSet(d, loadPolicy(d).getSpec());
      } else {
        assertRequiredFieldsSet(d, load(d, ConnectionBudget.class).getSpec());
      }
      kinds.add(d.kind());
    }
    assertThat(kinds).containsExactlyInAnyOrder("ScalingPolicy", "ConnectionBudget");
  }

  @Test
  void theReadmeListsEveryExample() throws IOException {
    String readme = Files.readString(EXAMPLES.resolve("README.md"));

    assertThat(exampleNames()).allSatisfy(name -> assertThat(readme).contains("(" + name + ")"));
  }

  @Test
  void namesAreUniqueAcrossExamplesSoAllApplyToOneNamespace() {
    Map<String, String> seen = new HashMap<>();
    List<String> clashes = new ArrayList<>();
    exampleFiles()
        .flatMap(f -> docs(f).stream())
        .forEach(
            d -> {
              String key = d.kind() + "/" + d.name();
              String previous = seen.putIfAbsent(key, d.toString());
              if (previous != null) {
                clashes.add(key + " in " + previous + " and " + d);
              }
            });
    assertThat(clashes).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------
  // the load itself

  static final String INLINE_POLICY =
      """
      apiVersion: headroom.dev/v1alpha1
      kind: ScalingPolicy
      metadata:
        name: p
      spec:
        targetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
        replicas: {min: 1, max: 5}
        load:
          signals:
            - {name: requests, query: "sum(rate(x[1m]))", target: 10}
      """;

  static ObjectNode inlinePolicy() {
    return (ObjectNode) CrdSchema.parseYaml(INLINE_POLICY);
  }

  @Test
  void aValidPolicyLoadsWithItsDefaults() {
    assertThat(load(inlinePolicy(), ScalingPolicy.class, "inline policy").getSpec().getMode())
        .isEqualTo(PolicyMode.ENFORCE);
  }

  @Test
  void anUnknownPropertyFailsTheLoad() {
    ObjectNode p = inlinePolicy();
    ((ObjectNode) p.at("/spec/replicas")).put("maximum", 9);

    assertThatThrownBy(() -> load(p, ScalingPolicy.class, "policy with spec.replicas.maximum"))
        .hasMessageContaining("Unrecognized field \"maximum\"");
  }
}
