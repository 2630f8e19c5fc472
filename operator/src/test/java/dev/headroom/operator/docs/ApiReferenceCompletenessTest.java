package dev.headroom.operator.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.headroom.operator.docs.CrdSchema.CelRule;
import dev.headroom.operator.docs.CrdSchema.Field;
import dev.headroom.operator.docs.CrdSchema.PrinterColumn;
import dev.headroom.operator.docs.CrdSchema.StandardType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code docs/api.md} documents every field, CEL rule, enum value, printer column and condition
 * type of the checked-in CRDs ({@code crds/}). A field added to an API class and regenerated into
 * the CRD fails this test until the reference describes it.
 *
 * <p>Fields are written in the reference as {@code `spec.connections.poolSize.min`}; list items as
 * {@code []} ({@code `spec.schedules[].cron`}). {@code apiVersion}, {@code kind}, {@code metadata}
 * and the inner fields of {@code metav1.Condition} and {@code metav1.LabelSelector} are not
 * required (see {@link CrdSchema}).
 */
class ApiReferenceCompletenessTest {

  static final Path ROOT = CrdSchema.repoRoot();
  static final Path API_MD = ROOT.resolve("docs/api.md");
  static final List<String> CRD_FILES =
      List.of("scalingpolicies.headroom.dev-v1.yml", "connectionbudgets.headroom.dev-v1.yml");

  static String apiMd;

  @BeforeAll
  static void readReference() throws IOException {
    assertThat(API_MD).as("the API reference").exists();
    apiMd = Files.readString(API_MD);
  }

  static Stream<String> crds() {
    return CRD_FILES.stream();
  }

  static JsonNode crd(String file) {
    return CrdSchema.readYaml(ROOT.resolve("crds").resolve(file));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("crds")
  void everyFieldIsDocumentedByItsFullPath(String file) {
    List<String> paths = CrdSchema.fieldPaths(CrdSchema.openApiSchema(crd(file)));

    assertThat(CrdSchema.undocumented(paths, apiMd))
        .as("fields of %s missing from docs/api.md (write them as `path`)", file)
        .isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("crds")
  void everyCelRuleAndItsMessageIsDocumented(String file) {
    List<CelRule> rules = CrdSchema.celRules(CrdSchema.openApiSchema(crd(file)));
    assertThat(rules).as("CEL rules of %s", file).isNotEmpty();

    List<String> missing = new ArrayList<>();
    for (CelRule r : rules) {
      if (!apiMd.contains(r.message())) {
        missing.add("message of " + r.path() + ": " + r.message());
      }
      if (!apiMd.contains(r.rule())) {
        missing.add("rule of " + r.path() + ": " + r.rule());
      }
    }
    assertThat(missing).as("CEL rules of %s missing from docs/api.md", file).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("crds")
  void everyEnumValueIsDocumented(String file) {
    List<String> missing =
        CrdSchema.enumValues(CrdSchema.openApiSchema(crd(file))).stream()
            .filter(e -> !apiMd.contains("`" + e.getValue() + "`"))
            .map(e -> e.getKey() + " = " + e.getValue())
            .toList();

    assertThat(missing).as("enum values of %s missing from docs/api.md", file).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("crds")
  void everyPrinterColumnIsDocumented(String file) {
    List<PrinterColumn> columns = CrdSchema.printerColumns(crd(file));
    assertThat(columns).isNotEmpty();

    List<String> missing = new ArrayList<>();
    for (PrinterColumn c : columns) {
      // kubectl prints column names in upper case
      String header = "`" + c.name().toUpperCase(Locale.ROOT) + "`";
      if (!apiMd.contains(header)) {
        missing.add(header);
      }
      if (!apiMd.contains("`" + c.jsonPath() + "`")) {
        missing.add("`" + c.jsonPath() + "`");
      }
    }
    assertThat(missing).as("printer columns of %s missing from docs/api.md", file).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("crds")
  void everyConditionTypeIsDocumented(String file) {
    JsonNode conditions =
        CrdSchema.openApiSchema(crd(file))
            .path("properties")
            .path("status")
            .path("properties")
            .path("conditions");
    List<String> types =
        Arrays.stream(conditions.path("description").asText().split("[,.]"))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .toList();
    assertThat(types).as("condition types listed in the CRD of %s", file).isNotEmpty();

    assertThat(types)
        .as("condition types of %s missing from docs/api.md", file)
        .allSatisfy(t -> assertThat(apiMd).contains("`" + t + "`"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("crds")
  void kindAndShortNamesAreDocumented(String file) {
    JsonNode names = crd(file).path("spec").path("names");

    assertThat(apiMd).contains("`" + names.path("kind").asText() + "`");
    for (JsonNode shortName : names.path("shortNames")) {
      assertThat(apiMd).contains("`" + shortName.asText() + "`");
    }
  }

  @Test
  void theWalkSeesTheWholeApi() {
    List<String> sp =
        CrdSchema.fieldPaths(CrdSchema.openApiSchema(crd("scalingpolicies.headroom.dev-v1.yml")));
    List<String> cb =
        CrdSchema.fieldPaths(CrdSchema.openApiSchema(crd("connectionbudgets.headroom.dev-v1.yml")));

    // a guard against a walk that silently finds nothing (e.g. a moved schema)
    assertThat(sp)
        .hasSizeGreaterThan(80)
        .contains(
            "spec.connections.poolSize.min",
            "spec.behavior.scaleUp.policies[].periodSeconds",
            "spec.schedules[].leadTime",
            "status.history[].toReplicas",
            "status.conditions")
        .doesNotContain("metadata", "apiVersion", "kind")
        .noneMatch(p -> p.startsWith("status.conditions[]"));
    assertThat(cb)
        .hasSizeGreaterThan(20)
        .contains("spec.maxConnections", "spec.namespaceSelector", "status.consumers[].phase")
        .noneMatch(p -> p.startsWith("spec.namespaceSelector."));
  }

  // ---------------------------------------------------------------------------------------------
  // the walker itself, on a small inline schema

  static final String INLINE_SCHEMA =
      """
      type: object
      properties:
        apiVersion: {type: string}
        kind: {type: string}
        metadata: {type: object}
        spec:
          type: object
          x-kubernetes-validations:
            - rule: "self.a.min <= self.a.max"
              message: "a.min must be <= a.max"
          properties:
            a:
              type: object
              properties:
                min: {type: integer}
                max: {type: integer}
            windows:
              type: array
              items:
                type: object
                properties:
                  cron: {type: string}
                  mode: {type: string, enum: [Fast, Slow]}
            tags:
              type: array
              items: {type: string}
            selector:
              type: object
              properties:
                matchLabels:
                  type: object
                  additionalProperties: {type: string}
                matchExpressions:
                  type: array
                  items:
                    type: object
                    properties:
                      key: {type: string}
        status:
          type: object
          properties:
            conditions:
              type: array
              items:
                type: object
                properties:
                  type: {type: string}
                  status: {type: string}
                  reason: {type: string}
                  message: {type: string}
                  lastTransitionTime: {type: string}
                  observedGeneration: {type: integer}
            seen: {type: integer}
      """;

  static final String INLINE_DOC =
      """
      | `spec` | `spec.a` | `spec.a.min` | `spec.a.max` |
      | `spec.windows` | `spec.windows[].cron` | `spec.windows[].mode` (`Fast`, `Slow`) |
      | `spec.tags` | `spec.selector` | `status` | `status.conditions` | `status.seen` |
      """;

  @Test
  void walkerListsEveryFieldByItsFullPathAndSkipsStandardTypes() {
    List<Field> fields = CrdSchema.fields(CrdSchema.parseYaml(INLINE_SCHEMA));

    assertThat(fields)
        .extracting(Field::path)
        .containsExactly(
            "spec",
            "spec.a",
            "spec.a.min",
            "spec.a.max",
            "spec.windows",
            "spec.windows[].cron",
            "spec.windows[].mode",
            "spec.tags",
            "spec.selector",
            "status",
            "status.conditions",
            "status.seen");
    assertThat(fields)
        .filteredOn(f -> f.standardType().isPresent())
        .extracting(Field::path, Field::standardType)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "spec.selector", Optional.of(StandardType.LABEL_SELECTOR)),
            org.assertj.core.groups.Tuple.tuple(
                "status.conditions", Optional.of(StandardType.CONDITION)));
  }

  @Test
  void walkerFindsNothingMissingInACompleteDocument() {
    JsonNode schema = CrdSchema.parseYaml(INLINE_SCHEMA);

    assertThat(CrdSchema.undocumented(CrdSchema.fieldPaths(schema), INLINE_DOC)).isEmpty();
  }

  @Test
  void walkerReportsAFieldAddedToTheSchemaWithoutDocs() {
    JsonNode schema = CrdSchema.parseYaml(INLINE_SCHEMA);
    var windowItem =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            schema.at("/properties/spec/properties/windows/items/properties");
    windowItem.set("leadTime", CrdSchema.parseYaml("{type: string}"));
    var a =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            schema.at("/properties/spec/properties/a/properties");
    a.set("step", CrdSchema.parseYaml("{type: integer}"));

    assertThat(CrdSchema.undocumented(CrdSchema.fieldPaths(schema), INLINE_DOC))
        .containsExactly("spec.a.step", "spec.windows[].leadTime");
  }

  @Test
  void walkerIgnoresAPathMentionedWithoutBackquotes() {
    JsonNode schema = CrdSchema.parseYaml(INLINE_SCHEMA);
    String doc = INLINE_DOC.replace("`spec.tags`", "spec.tags");

    assertThat(CrdSchema.undocumented(CrdSchema.fieldPaths(schema), doc))
        .containsExactly("spec.tags");
  }

  @Test
  void walkerFindsCelRulesAndEnums() {
    JsonNode schema = CrdSchema.parseYaml(INLINE_SCHEMA);

    assertThat(CrdSchema.celRules(schema))
        .containsExactly(
            new CelRule("spec", "self.a.min <= self.a.max", "a.min must be <= a.max", ""));
    assertThat(CrdSchema.enumValues(schema))
        .containsExactly(
            Map.entry("spec.windows[].mode", "Fast"), Map.entry("spec.windows[].mode", "Slow"));
  }
}
