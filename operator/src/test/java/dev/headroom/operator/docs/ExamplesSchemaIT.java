package dev.headroom.operator.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.headroom.operator.docs.Examples.Doc;
import dev.headroom.operator.it.OperatorProcess;
import dev.headroom.testbed.TestBed;
import dev.headroom.testbed.WithTestBed;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.FieldValidateable.Validation;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real API server, with the checked-in CRDs applied, is the judge of the examples and of the
 * manifests in {@code docs/api.md}: each document is created with {@code dryRun=All} and strict
 * field validation, so the server runs defaulting, the structural schema and every CEL rule and
 * stores nothing. The documented ways to get a spec wrong are refused with the field and message
 * the server reports in the causes of its answer.
 */
@WithTestBed
class ExamplesSchemaIT {

  @BeforeAll
  static void installCrds(TestBed bed, KubernetesClient client) {
    OperatorProcess.install(bed, client);
  }

  // ---------------------------------------------------------------------------------------------
  // what is accepted

  static Stream<String> exampleNames() {
    return Examples.names();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exampleNames")
  void everyDocumentOfTheExampleIsAcceptedByTheApiServer(String name, KubernetesClient client) {
    List<Doc> docs = Examples.docs(Examples.DIR.resolve(name));
    assertThat(docs).as("documents in %s", name).isNotEmpty();

    for (Doc d : docs) {
      assertAcceptedAndNotStored(client, d);
    }
  }

  static Stream<Named<Doc>> apiReferenceManifests() {
    return Examples.yamlBlocks(Examples.ROOT.resolve("docs/api.md")).stream()
        .map(d -> Named.of(d.toString(), d));
  }

  /** The reference's manifests name namespaces of their own; they are checked in the test's. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("apiReferenceManifests")
  void everyManifestOfTheApiReferenceIsAcceptedByTheApiServer(Doc doc, KubernetesClient client) {
    assertThat(doc.isHeadroom()).as("%s is a Headroom manifest", doc).isTrue();

    ObjectNode inTestNamespace = doc.node().deepCopy();
    ((ObjectNode) inTestNamespace.path("metadata")).remove("namespace");

    assertAcceptedAndNotStored(client, new Doc(doc.file(), doc.index(), inTestNamespace));
  }

  @Test
  void defaultsAreAppliedBeforeCelRules(KubernetesClient client) {
    GenericKubernetesResource budget =
        dryRunCreate(client, manifest(BUDGET.replace("SPEC", "{maxConnections: 1}")));

    assertThat(budget.get("spec", "reserved").toString())
        .as("reserved defaulted to 0, so 0 < 1 holds")
        .isEqualTo("0");
    assertThat(
            refusal(client, manifest(BUDGET.replace("SPEC", "{maxConnections: 10, reserved: 10}")))
                .getStatus()
                .getDetails()
                .getCauses())
        .extracting(StatusCause::getField, StatusCause::getMessage)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "spec", "Invalid value: \"object\": reserved must be < maxConnections"));
  }

  // ---------------------------------------------------------------------------------------------
  // what is refused

  static final String POLICY =
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
        connections:
          budgetRef: {name: db}
          poolSize: {min: 2, max: 4}
          delivery: {type: Env, container: web, envName: DB_POOL_SIZE}
        schedules:
          - {name: m, cron: '0 9 * * 1-5', duration: 2h, timeZone: Europe/Berlin, minReplicas: 1}
      """;

  static final String BUDGET =
      """
      apiVersion: headroom.dev/v1alpha1
      kind: ConnectionBudget
      metadata:
        name: b
      spec: SPEC
      """;

  /** A field the API server names in the causes of its refusal, and part of its message. */
  record Cause(String field, String message) {
    @Override
    public String toString() {
      return field + ": " + message;
    }
  }

  static Cause cause(String field, String message) {
    return new Cause(field, message);
  }

  /** {@link #POLICY} with {@code valid} replaced by {@code invalid}. */
  static Arguments policy(String name, String valid, String invalid, Cause... causes) {
    assertThat(POLICY).as(name).contains(valid);
    return Arguments.of(name, POLICY.replace(valid, invalid), List.of(causes));
  }

  static Arguments budget(String name, String spec, Cause... causes) {
    return Arguments.of(name, BUDGET.replace("SPEC", spec), List.of(causes));
  }

  /** Every CEL rule of the CRDs is broken by one case here, besides the schema's own checks. */
  static Stream<Arguments> refusals() {
    return Stream.of(
        policy(
            "missing targetRef",
            "targetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  replicas",
            "replicas",
            cause("spec.targetRef", "Required value")),
        policy(
            "missing poolSize.max",
            "poolSize: {min: 2, max: 4}",
            "poolSize: {min: 2}",
            cause("spec.connections.poolSize.max", "Required value")),
        policy(
            "enums, patterns and ranges",
            "targetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n"
                + "  replicas: {min: 1, max: 5}",
            "targetRef: {apiVersion: apps/v1, kind: Deployment, name: Web_1}\n"
                + "  mode: 'Off'\n"
                + "  replicas: {min: 1, max: 0}",
            cause("spec.mode", "Unsupported value: \"Off\""),
            cause("spec.targetRef.name", "should match"),
            cause("spec.replicas.max", "should be greater than or equal to 1")),
        policy(
            "cron with four fields and duration in words",
            "cron: '0 9 * * 1-5', duration: 2h",
            "cron: '0 9 * *', duration: 2 hours",
            cause("spec.schedules[0].cron", "should match"),
            cause("spec.schedules[0].duration", "should match")),
        policy(
            "string for an integer",
            "replicas: {min: 1, max: 5}",
            "replicas: {min: one, max: 5}",
            cause("spec.replicas.min", "Invalid value: \"string\"")),
        policy(
            "replicas.min above max",
            "replicas: {min: 1, max: 5}",
            "replicas: {min: 6, max: 5}",
            cause("spec.replicas", "replicas.min must be <= replicas.max")),
        policy(
            "pool min above max",
            "poolSize: {min: 2, max: 4}",
            "poolSize: {min: 5, max: 4}",
            cause("spec.connections.poolSize", "poolSize.min must be <= poolSize.max")),
        policy(
            "implausibly many connections",
            "replicas: {min: 1, max: 5}",
            "replicas: {min: 60000, max: 60000}",
            cause("spec", "replicas.min x poolSize.min is implausibly large")),
        policy(
            "env delivery without envName",
            "delivery: {type: Env, container: web, envName: DB_POOL_SIZE}",
            "delivery: {type: Env, container: web}",
            cause("spec.connections.delivery", "delivery type Env needs container and envName")),
        policy(
            "configmap delivery without key",
            "delivery: {type: Env, container: web, envName: DB_POOL_SIZE}",
            "delivery: {type: ConfigMap, configMapName: pools}",
            cause(
                "spec.connections.delivery",
                "delivery type ConfigMap needs configMapName and key")),
        policy(
            "annotation delivery without key",
            "delivery: {type: Env, container: web, envName: DB_POOL_SIZE}",
            "delivery: {type: Annotation}",
            cause("spec.connections.delivery", "delivery type Annotation needs key")),
        policy(
            "no load signal",
            "signals:\n      - {name: requests, query: \"sum(rate(x[1m]))\", target: 10}",
            "signals: []",
            cause("spec.load", "load needs at least one signal or a concurrency signal")),
        policy(
            "signal label that is no Prometheus label name",
            "target: 10}",
            "target: 10, matchLabels: {pod-name: a}}",
            cause(
                "spec.load.signals[0].matchLabels",
                "matchLabels keys must be Prometheus label names")),
        policy(
            "schedule floor above replicas.max",
            "minReplicas: 1}",
            "minReplicas: 6}",
            cause("spec", "every schedules[].minReplicas must be <= replicas.max")),
        policy(
            "concurrency without capacity",
            "signals:\n      - {name: requests, query: \"sum(rate(x[1m]))\", target: 10}",
            "concurrency: {rateQuery: 'sum(rate(x[1m]))', latencyQuery: 'max(y)'}",
            cause("spec", "load.concurrency needs capacity")),
        policy(
            "forecast of an unknown signal",
            "replicas: {min: 1, max: 5}",
            "replicas: {min: 1, max: 5}\n  forecast: {signal: latency}",
            cause("spec", "forecast.signal must name one of load.signals")),
        budget(
            "reserved not below maxConnections",
            "{maxConnections: 100, reserved: 100}",
            cause("spec", "reserved must be < maxConnections")),
        budget(
            "zero maxConnections",
            "{maxConnections: 0}",
            cause("spec.maxConnections", "should be greater than or equal to 1")),
        budget(
            "unknown allocation",
            "{maxConnections: 100, allocation: Random}",
            cause("spec.allocation", "Unsupported value: \"Random\"")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void refusedWithTheFieldAndMessage(
      String name, String yaml, List<Cause> expected, KubernetesClient client) {
    KubernetesClientException refused = refusal(client, manifest(yaml));

    assertThat(refused.getCode()).as("%s: %s", name, refused.getMessage()).isEqualTo(422);
    List<StatusCause> causes = refused.getStatus().getDetails().getCauses();
    for (Cause c : expected) {
      assertThat(causes)
          .as("%s: causes reported for %s", name, c.field())
          .anySatisfy(
              reported -> {
                assertThat(reported.getField()).isEqualTo(c.field());
                assertThat(reported.getMessage()).contains(c.message());
              });
    }
  }

  @Test
  void celRulesAreCheckedOnceTheSchemaHolds(KubernetesClient client) {
    String yaml =
        POLICY
            .replace("envName: DB_POOL_SIZE}", "}")
            .replace("poolSize: {min: 2, max: 4}", "poolSize: {min: 5, max: 4}")
            .replace("minReplicas: 1}", "minReplicas: 6}");

    assertThat(refusal(client, manifest(yaml)).getStatus().getDetails().getCauses())
        .extracting(StatusCause::getField, StatusCause::getMessage)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(
                "spec.connections.delivery",
                "Required value: delivery type Env needs container and envName"),
            org.assertj.core.groups.Tuple.tuple(
                "spec.connections.poolSize",
                "Invalid value: \"object\": poolSize.min must be <= poolSize.max"),
            org.assertj.core.groups.Tuple.tuple(
                "spec",
                "Invalid value: \"object\": every schedules[].minReplicas must be <= replicas.max"));
  }

  @Test
  void anUnknownFieldIsRefusedUnderStrictFieldValidation(KubernetesClient client) {
    String yaml = POLICY.replace("replicas: {min: 1, max: 5}", "replicas: {min: 1, maximum: 5}");

    KubernetesClientException refused = refusal(client, manifest(yaml));

    assertThat(refused.getCode()).isEqualTo(400);
    assertThat(refused.getStatus().getMessage())
        .contains("strict decoding error: unknown field \"spec.replicas.maximum\"");
  }

  @Test
  void everyCelRuleOfTheCrdsIsBrokenByARefusalCase() {
    List<String> messages =
        refusals()
            .flatMap(a -> ((List<?>) a.get()[2]).stream())
            .map(c -> ((Cause) c).message())
            .toList();
    List<CrdSchema.CelRule> rules =
        Stream.of("scalingpolicies.headroom.dev-v1.yml", "connectionbudgets.headroom.dev-v1.yml")
            .map(f -> CrdSchema.readYaml(Examples.ROOT.resolve("crds").resolve(f)))
            .flatMap(crd -> CrdSchema.celRules(CrdSchema.openApiSchema(crd)).stream())
            .toList();
    assertThat(rules).as("CEL rules of the CRDs").hasSizeGreaterThan(10);

    assertThat(rules)
        .as("CEL rules no refusal case breaks")
        .allSatisfy(r -> assertThat(messages).anySatisfy(m -> assertThat(r.message()).contains(m)));
  }

  // ---------------------------------------------------------------------------------------------

  static JsonNode manifest(String yaml) {
    return CrdSchema.parseYaml(yaml);
  }

  /** What the API server would store: created with dryRun=All and strict field validation. */
  static GenericKubernetesResource dryRunCreate(KubernetesClient client, JsonNode manifest) {
    GenericKubernetesResource object =
        Serialization.unmarshal(Serialization.asJson(manifest), GenericKubernetesResource.class);
    return client.resource(object).dryRun().fieldValidation(Validation.STRICT).create();
  }

  static KubernetesClientException refusal(KubernetesClient client, JsonNode manifest) {
    KubernetesClientException refused =
        catchThrowableOfType(KubernetesClientException.class, () -> dryRunCreate(client, manifest));
    assertThat(refused).as("refused by the API server").isNotNull();
    return refused;
  }

  static void assertAcceptedAndNotStored(KubernetesClient client, Doc doc) {
    GenericKubernetesResource answered;
    try {
      answered = dryRunCreate(client, doc.node());
    } catch (KubernetesClientException e) {
      throw new AssertionError(doc + " refused by the API server: " + e.getMessage(), e);
    }
    assertThat(answered.getKind()).as("%s kind", doc).isEqualTo(doc.kind());
    assertThat(answered.getMetadata().getName()).as("%s name", doc).isEqualTo(doc.name());
    assertThat(answered.getMetadata().getNamespace())
        .as("%s lands in the test namespace", doc)
        .isEqualTo(client.getNamespace());
    assertThat(client.resource(answered).get()).as("%s stored by a dry run", doc).isNull();
  }
}
