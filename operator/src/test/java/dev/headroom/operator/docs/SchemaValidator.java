package dev.headroom.operator.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Checks a manifest against a CRD's structural schema the way the API server does, without an API
 * server: defaults first, then types, required fields, unknown fields, enums, patterns, lengths,
 * ranges, list sizes and the CEL rules.
 *
 * <p>There is no CEL interpreter on the test classpath, so each CEL rule of the Headroom CRDs has a
 * hand-written Java mirror in {@link #CEL_MIRRORS}, keyed by the exact rule text. A rule in a CRD
 * without a mirror is itself reported as an error, so a new or changed rule cannot slip through
 * unchecked. The end-to-end test that applies the examples to a real API server is the final word.
 */
final class SchemaValidator {

  /** Java mirrors of the CEL rules, evaluated on the (defaulted) object the rule is declared on. */
  static final Map<String, Predicate<JsonNode>> CEL_MIRRORS =
      withSignalRules(
          Map.of(
              "self.type != 'Env' || (has(self.container) && has(self.envName))",
              self ->
                  !self.path("type").asText().equals("Env")
                      || (self.has("container") && self.has("envName")),
              "self.type != 'ConfigMap' || (has(self.configMapName) && has(self.key))",
              self ->
                  !self.path("type").asText().equals("ConfigMap")
                      || (self.has("configMapName") && self.has("key")),
              "self.type != 'Annotation' || has(self.key)",
              self -> !self.path("type").asText().equals("Annotation") || self.has("key"),
              "self.min <= self.max",
              self -> self.path("min").asLong() <= self.path("max").asLong(),
              "(has(self.signals) && size(self.signals) > 0) || has(self.concurrency)",
              self ->
                  (self.has("signals") && self.path("signals").size() > 0)
                      || self.has("concurrency"),
              "!has(self.schedules) || self.schedules.all(s, s.minReplicas <= self.replicas.max)",
              self -> {
                if (!self.has("schedules")) {
                  return true;
                }
                long max = self.path("replicas").path("max").asLong();
                for (JsonNode s : self.path("schedules")) {
                  if (s.path("minReplicas").asLong() > max) {
                    return false;
                  }
                }
                return true;
              },
              "!has(self.load.concurrency) || has(self.capacity)",
              self -> !self.path("load").has("concurrency") || self.has("capacity"),
              "!has(self.forecast) || !has(self.forecast.signal) || (has(self.load.signals) &&"
                  + " self.load.signals.exists(s, s.name == self.forecast.signal))",
              self -> {
                if (!self.path("forecast").has("signal")) {
                  return true;
                }
                String wanted = self.path("forecast").path("signal").asText();
                for (JsonNode s : self.path("load").path("signals")) {
                  if (wanted.equals(s.path("name").asText())) {
                    return true;
                  }
                }
                return false;
              },
              "!has(self.connections) || !has(self.connections.poolSize) || self.replicas.min *"
                  + " self.connections.poolSize.min <= 100000",
              self ->
                  !self.has("connections")
                      || !self.path("connections").has("poolSize")
                      || self.path("replicas").path("min").asLong()
                              * self.path("connections").path("poolSize").path("min").asLong()
                          <= 100000,
              "self.reserved < self.maxConnections",
              self -> self.path("reserved").asLong() < self.path("maxConnections").asLong()));

  /** The rules of a load signal (Map.of takes ten pairs at most). */
  private static Map<String, Predicate<JsonNode>> withSignalRules(
      Map<String, Predicate<JsonNode>> rules) {
    Map<String, Predicate<JsonNode>> all = new java.util.HashMap<>(rules);
    all.put(
        "self.all(k, k.matches('^[a-zA-Z_][a-zA-Z0-9_]*$') && size(k) <= 128 &&"
            + " size(self[k]) <= 1024)",
        self -> {
          for (Map.Entry<String, JsonNode> e : self.properties()) {
            if (!e.getKey().matches("^[a-zA-Z_][a-zA-Z0-9_]*$")
                || e.getKey().length() > 128
                || e.getValue().asText().length() > 1024) {
              return false;
            }
          }
          return true;
        });
    return Map.copyOf(all);
  }

  private final List<String> errors = new ArrayList<>();

  private SchemaValidator() {}

  /**
   * Errors of {@code object} (a whole manifest) against {@code openApiSchema}; empty when valid.
   * {@code apiVersion}, {@code kind} and {@code metadata} are the API server's business and are not
   * checked here.
   */
  static List<String> validate(JsonNode object, JsonNode openApiSchema) {
    SchemaValidator v = new SchemaValidator();
    ObjectNode copy = object.deepCopy();
    for (Map.Entry<String, JsonNode> e : openApiSchema.path("properties").properties()) {
      if (CrdSchema.SKIPPED_TOP_LEVEL.contains(e.getKey())) {
        continue;
      }
      if (copy.has(e.getKey())) {
        copy.set(e.getKey(), v.check(copy.get(e.getKey()), e.getValue(), e.getKey()));
      }
    }
    copy.properties()
        .forEach(
            e -> {
              if (!CrdSchema.SKIPPED_TOP_LEVEL.contains(e.getKey())
                  && !openApiSchema.path("properties").has(e.getKey())) {
                v.errors.add(e.getKey() + ": unknown field");
              }
            });
    v.checkRules(copy, openApiSchema, "");
    return List.copyOf(v.errors);
  }

  /** Checks {@code value} and returns it with the schema defaults applied. */
  private JsonNode check(JsonNode value, JsonNode schema, String path) {
    String type = schema.path("type").asText("");
    switch (type) {
      case "object" -> {
        if (!value.isObject()) {
          errors.add(path + ": must be an object");
          return value;
        }
        return checkObject((ObjectNode) value.deepCopy(), schema, path);
      }
      case "array" -> {
        if (!value.isArray()) {
          errors.add(path + ": must be a list");
          return value;
        }
        if (schema.has("maxItems") && value.size() > schema.path("maxItems").asInt()) {
          errors.add(path + ": more than " + schema.path("maxItems").asInt() + " items");
        }
        if (schema.has("minItems") && value.size() < schema.path("minItems").asInt()) {
          errors.add(path + ": fewer than " + schema.path("minItems").asInt() + " items");
        }
        var copy = value.deepCopy();
        for (int i = 0; i < value.size(); i++) {
          ((com.fasterxml.jackson.databind.node.ArrayNode) copy)
              .set(i, check(value.get(i), schema.path("items"), path + "[" + i + "]"));
        }
        return copy;
      }
      case "string" -> {
        if (!value.isTextual()) {
          errors.add(path + ": must be a string, is " + value.getNodeType());
          return value;
        }
        String s = value.asText();
        if (schema.has("minLength") && s.length() < schema.path("minLength").asInt()) {
          errors.add(path + ": shorter than " + schema.path("minLength").asInt());
        }
        if (schema.has("maxLength") && s.length() > schema.path("maxLength").asInt()) {
          errors.add(path + ": longer than " + schema.path("maxLength").asInt());
        }
        if (schema.has("pattern")
            && !Pattern.compile(schema.path("pattern").asText()).matcher(s).find()) {
          errors.add(path + ": '" + s + "' does not match " + schema.path("pattern").asText());
        }
      }
      case "integer" -> {
        if (!value.isIntegralNumber()) {
          errors.add(path + ": must be an integer, is " + value.getNodeType());
          return value;
        }
        checkRange(value.asDouble(), schema, path);
      }
      case "number" -> {
        if (!value.isNumber()) {
          errors.add(path + ": must be a number, is " + value.getNodeType());
          return value;
        }
        checkRange(value.asDouble(), schema, path);
      }
      case "boolean" -> {
        if (!value.isBoolean()) {
          errors.add(path + ": must be true or false");
        }
      }
      default -> {
        // no type: nothing to check
      }
    }
    if (schema.has("enum")) {
      boolean found = false;
      for (JsonNode allowed : schema.path("enum")) {
        found |= allowed.equals(value);
      }
      if (!found) {
        errors.add(path + ": '" + value.asText() + "' is not one of " + schema.path("enum"));
      }
    }
    return value;
  }

  private ObjectNode checkObject(ObjectNode value, JsonNode schema, String path) {
    JsonNode props = schema.path("properties");
    // defaults first, as the API server does
    props
        .properties()
        .forEach(
            e -> {
              if (!value.has(e.getKey()) && e.getValue().has("default")) {
                value.set(e.getKey(), e.getValue().path("default").deepCopy());
              }
            });
    for (JsonNode required : schema.path("required")) {
      if (!value.has(required.asText()) || value.get(required.asText()).isNull()) {
        errors.add(path + "." + required.asText() + ": required");
      }
    }
    List<String> names = new ArrayList<>();
    value.properties().forEach(e -> names.add(e.getKey()));
    for (String name : names) {
      String childPath = path + "." + name;
      if (props.has(name)) {
        value.set(name, check(value.get(name), props.get(name), childPath));
      } else if (schema.path("additionalProperties").isObject()) {
        value.set(name, check(value.get(name), schema.path("additionalProperties"), childPath));
      } else if (!schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
        errors.add(childPath + ": unknown field");
      }
    }
    return value;
  }

  private void checkRange(double v, JsonNode schema, String path) {
    if (schema.has("minimum")) {
      double min = schema.path("minimum").asDouble();
      boolean exclusive = schema.path("exclusiveMinimum").asBoolean(false);
      if (exclusive ? v <= min : v < min) {
        errors.add(path + ": " + v + " must be " + (exclusive ? "> " : ">= ") + min);
      }
    }
    if (schema.has("maximum")) {
      double max = schema.path("maximum").asDouble();
      boolean exclusive = schema.path("exclusiveMaximum").asBoolean(false);
      if (exclusive ? v >= max : v > max) {
        errors.add(path + ": " + v + " must be " + (exclusive ? "< " : "<= ") + max);
      }
    }
  }

  /** Evaluates the CEL mirrors on the defaulted object, parents before children. */
  private void checkRules(JsonNode value, JsonNode schema, String path) {
    for (JsonNode rule : schema.path("x-kubernetes-validations")) {
      String text = rule.path("rule").asText();
      Predicate<JsonNode> mirror = CEL_MIRRORS.get(text);
      if (mirror == null) {
        errors.add(
            (path.isEmpty() ? "<root>" : path)
                + ": CEL rule has no Java mirror in SchemaValidator: "
                + text);
      } else if (!mirror.test(value)) {
        errors.add((path.isEmpty() ? "<root>" : path) + ": " + rule.path("message").asText());
      }
    }
    if (value.isObject()) {
      JsonNode props = schema.path("properties");
      value
          .properties()
          .forEach(
              e -> {
                JsonNode childSchema =
                    props.has(e.getKey())
                        ? props.get(e.getKey())
                        : schema.path("additionalProperties");
                if (childSchema.isObject()
                    && !(path.isEmpty() && CrdSchema.SKIPPED_TOP_LEVEL.contains(e.getKey()))) {
                  String childPath = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                  checkRules(e.getValue(), childSchema, childPath);
                }
              });
    } else if (value.isArray() && schema.path("items").isObject()) {
      for (int i = 0; i < value.size(); i++) {
        checkRules(value.get(i), schema.path("items"), path + "[" + i + "]");
      }
    }
  }
}
