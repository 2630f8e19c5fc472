package dev.headroom.operator.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a checked-in CRD and walks its {@code openAPIV3Schema}: every field by its full path, the
 * CEL rules, enums and printer columns. Used by the documentation and example tests.
 *
 * <p>Paths are dotted; the items of a list are written {@code []}, as in {@code
 * spec.schedules[].cron}; the values of a map are written {@code .*}.
 *
 * <p>What the walk leaves out, and why:
 *
 * <ul>
 *   <li>{@code apiVersion}, {@code kind} and {@code metadata} at the top level: the same for every
 *       Kubernetes object, documented by Kubernetes.
 *   <li>The inner fields of standard Kubernetes types embedded in the API. They are recognised by
 *       their shape, so that they are left out wherever they appear: {@link StandardType#CONDITION}
 *       (the items of a {@code conditions} list: {@code type}, {@code status}, {@code reason},
 *       {@code message}, {@code lastTransitionTime}, {@code observedGeneration}) and {@link
 *       StandardType#LABEL_SELECTOR} ({@code matchLabels}, {@code matchExpressions}). Their meaning
 *       is the one Kubernetes documents for {@code metav1.Condition} and {@code
 *       metav1.LabelSelector}; the field that holds them is still reported and must be documented.
 * </ul>
 */
final class CrdSchema {

  /** Top-level properties every Kubernetes object has. */
  static final Set<String> SKIPPED_TOP_LEVEL = Set.of("apiVersion", "kind", "metadata");

  /** A standard Kubernetes type whose inner fields Kubernetes documents. */
  enum StandardType {
    /** {@code metav1.Condition}, as the items of a list. */
    CONDITION(Set.of("type", "status", "reason", "message", "lastTransitionTime")),
    /** {@code metav1.LabelSelector}. */
    LABEL_SELECTOR(Set.of("matchLabels", "matchExpressions"));

    private final Set<String> signature;

    StandardType(Set<String> signature) {
      this.signature = signature;
    }

    /** Whether an object schema has this type's shape. */
    boolean matches(JsonNode objectSchema) {
      JsonNode props = objectSchema.path("properties");
      if (!props.isObject()) {
        return false;
      }
      Set<String> names = new LinkedHashSet<>();
      props.properties().forEach(e -> names.add(e.getKey()));
      return switch (this) {
        case CONDITION -> names.containsAll(signature);
        case LABEL_SELECTOR -> names.equals(signature);
      };
    }
  }

  /** One field of the schema. {@code standardType} is set when its inner fields were skipped. */
  record Field(String path, JsonNode schema, Optional<StandardType> standardType) {

    String type() {
      return schema.path("type").asText("");
    }
  }

  /** One {@code x-kubernetes-validations} entry and the path of the object it is declared on. */
  record CelRule(String path, String rule, String message, String reason) {}

  /** One {@code additionalPrinterColumns} entry. */
  record PrinterColumn(String name, String jsonPath, String type) {}

  private static final YAMLMapper YAML = new YAMLMapper();

  private CrdSchema() {}

  /** Finds the repository root (the directory that holds {@code crds/}) from the working dir. */
  static Path repoRoot() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("crds")) && Files.isDirectory(p.resolve("operator"))) {
        return p;
      }
    }
    throw new IllegalStateException("no repository root with crds/ above " + dir);
  }

  static JsonNode readYaml(Path file) {
    try {
      return YAML.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode parseYaml(String text) {
    try {
      return YAML.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** All documents of a (multi-document) YAML file, empty documents left out. */
  static List<JsonNode> readAllDocuments(Path file) {
    try {
      List<JsonNode> docs = new ArrayList<>();
      try (var it = YAML.readerFor(JsonNode.class).<JsonNode>readValues(file.toFile())) {
        while (it.hasNext()) {
          JsonNode doc = it.next();
          if (doc != null && !doc.isNull() && !doc.isMissingNode() && doc.size() > 0) {
            docs.add(doc);
          }
        }
      }
      return docs;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The single served version of a CRD. */
  static JsonNode version(JsonNode crd) {
    JsonNode versions = crd.path("spec").path("versions");
    if (!versions.isArray() || versions.size() != 1) {
      throw new IllegalStateException(
          "expected exactly one version in " + crd.path("metadata").path("name").asText());
    }
    return versions.get(0);
  }

  static JsonNode openApiSchema(JsonNode crd) {
    JsonNode schema = version(crd).path("schema").path("openAPIV3Schema");
    if (!schema.isObject()) {
      throw new IllegalStateException("CRD has no openAPIV3Schema");
    }
    return schema;
  }

  static String kind(JsonNode crd) {
    return crd.path("spec").path("names").path("kind").asText();
  }

  static List<PrinterColumn> printerColumns(JsonNode crd) {
    List<PrinterColumn> columns = new ArrayList<>();
    for (JsonNode c : version(crd).path("additionalPrinterColumns")) {
      columns.add(
          new PrinterColumn(
              c.path("name").asText(), c.path("jsonPath").asText(), c.path("type").asText()));
    }
    return columns;
  }

  /** Every field below the root of {@code openApiSchema}, in schema order, parents first. */
  static List<Field> fields(JsonNode openApiSchema) {
    List<Field> out = new ArrayList<>();
    walkObject(openApiSchema, "", out);
    return out;
  }

  static List<String> fieldPaths(JsonNode openApiSchema) {
    return fields(openApiSchema).stream().map(Field::path).toList();
  }

  private static void walkObject(JsonNode schema, String prefix, List<Field> out) {
    JsonNode props = schema.path("properties");
    if (props.isObject()) {
      for (Map.Entry<String, JsonNode> e : props.properties()) {
        if (prefix.isEmpty() && SKIPPED_TOP_LEVEL.contains(e.getKey())) {
          continue;
        }
        String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
        JsonNode child = e.getValue();
        Optional<StandardType> standard = standardType(child);
        out.add(new Field(path, child, standard));
        if (standard.isEmpty()) {
          walkChildren(child, path, out);
        }
      }
    }
    JsonNode additional = schema.path("additionalProperties");
    if (additional.isObject()) {
      walkChildren(additional, prefix + ".*", out);
    }
  }

  private static void walkChildren(JsonNode schema, String path, List<Field> out) {
    if (schema.has("properties") || schema.path("additionalProperties").isObject()) {
      walkObject(schema, path, out);
    }
    JsonNode items = schema.path("items");
    if (items.isObject()) {
      walkChildren(items, path + "[]", out);
    }
  }

  /**
   * The standard Kubernetes type a field holds, if any: an object of that shape, or a list of them.
   */
  static Optional<StandardType> standardType(JsonNode fieldSchema) {
    JsonNode items = fieldSchema.path("items");
    JsonNode object = items.isObject() ? items : fieldSchema;
    for (StandardType t : StandardType.values()) {
      if (t.matches(object)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /** Every CEL rule anywhere in the schema; the root object's path is {@code ""}. */
  static List<CelRule> celRules(JsonNode openApiSchema) {
    List<CelRule> out = new ArrayList<>();
    collectRules(openApiSchema, "", out);
    return out;
  }

  private static void collectRules(JsonNode schema, String path, List<CelRule> out) {
    for (JsonNode v : schema.path("x-kubernetes-validations")) {
      out.add(
          new CelRule(
              path,
              v.path("rule").asText(),
              v.path("message").asText(""),
              v.path("reason").asText("")));
    }
    JsonNode props = schema.path("properties");
    if (props.isObject()) {
      props
          .properties()
          .forEach(
              e ->
                  collectRules(
                      e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out));
    }
    if (schema.path("items").isObject()) {
      collectRules(schema.path("items"), path + "[]", out);
    }
    if (schema.path("additionalProperties").isObject()) {
      collectRules(schema.path("additionalProperties"), path + ".*", out);
    }
  }

  /** Every enum value anywhere in the schema, with the path of its field. */
  static List<Map.Entry<String, String>> enumValues(JsonNode openApiSchema) {
    List<Map.Entry<String, String>> out = new ArrayList<>();
    for (Field f : fields(openApiSchema)) {
      JsonNode values = f.schema().path("enum");
      if (!values.isArray() && f.schema().path("items").isObject()) {
        values = f.schema().path("items").path("enum");
      }
      for (JsonNode v : values) {
        out.add(Map.entry(f.path(), v.asText()));
      }
    }
    return out;
  }

  /** The paths whose backquoted form {@code `path`} does not occur in {@code markdown}. */
  static List<String> undocumented(List<String> paths, String markdown) {
    return paths.stream().filter(p -> !markdown.contains("`" + p + "`")).toList();
  }
}
