package dev.headroom.simulator.input;

import com.fasterxml.jackson.databind.JsonNode;
import dev.headroom.engine.model.ApiDurations;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Typed, path-aware reads from one YAML object. Every failure is a {@link ManifestException} whose
 * message is {@code <where>: <field path>: <what is wrong>}.
 */
final class Fields {

  private final String where;
  private final String path;
  private final JsonNode node;

  Fields(String where, String path, JsonNode node) {
    this.where = where;
    this.path = path;
    this.node = node;
  }

  String path() {
    return path;
  }

  boolean has(String name) {
    JsonNode child = node.get(name);
    return child != null && !child.isNull();
  }

  Fields object(String name) {
    JsonNode child = node.get(name);
    if (child == null || child.isNull()) {
      throw fail(name, "required");
    }
    if (!child.isObject()) {
      throw fail(name, "expected an object, got " + describe(child));
    }
    return new Fields(where, join(name), child);
  }

  Optional<Fields> optionalObject(String name) {
    return has(name) ? Optional.of(object(name)) : Optional.empty();
  }

  List<Fields> objects(String name) {
    if (!has(name)) {
      return List.of();
    }
    JsonNode child = node.get(name);
    if (!child.isArray()) {
      throw fail(name, "expected a list, got " + describe(child));
    }
    List<Fields> out = new ArrayList<>();
    for (int i = 0; i < child.size(); i++) {
      JsonNode item = child.get(i);
      String itemPath = join(name) + "[" + i + "]";
      if (!item.isObject()) {
        throw new ManifestException(
            where + ": " + itemPath + ": expected an object, got " + describe(item));
      }
      out.add(new Fields(where, itemPath, item));
    }
    return out;
  }

  String string(String name) {
    return optionalString(name).orElseThrow(() -> fail(name, "required"));
  }

  Optional<String> optionalString(String name) {
    if (!has(name)) {
      return Optional.empty();
    }
    JsonNode child = node.get(name);
    if (!child.isTextual()) {
      throw fail(name, "expected a string, got " + describe(child));
    }
    return Optional.of(child.asText());
  }

  int integer(String name) {
    return optionalInteger(name).orElseThrow(() -> fail(name, "required"));
  }

  Optional<Integer> optionalInteger(String name) {
    if (!has(name)) {
      return Optional.empty();
    }
    JsonNode child = node.get(name);
    if (!child.isIntegralNumber() || !child.canConvertToInt()) {
      throw fail(name, "expected an integer, got " + describe(child));
    }
    return Optional.of(child.intValue());
  }

  double number(String name) {
    OptionalDouble value = optionalNumber(name);
    if (value.isEmpty()) {
      throw fail(name, "required");
    }
    return value.getAsDouble();
  }

  OptionalDouble optionalNumber(String name) {
    if (!has(name)) {
      return OptionalDouble.empty();
    }
    JsonNode child = node.get(name);
    if (!child.isNumber()) {
      throw fail(name, "expected a number, got " + describe(child));
    }
    return OptionalDouble.of(child.doubleValue());
  }

  Optional<Boolean> optionalBoolean(String name) {
    if (!has(name)) {
      return Optional.empty();
    }
    JsonNode child = node.get(name);
    if (!child.isBoolean()) {
      throw fail(name, "expected true or false, got " + describe(child));
    }
    return Optional.of(child.booleanValue());
  }

  /** One of {@code allowed} (exact spelling), or empty when absent. */
  Optional<String> optionalEnum(String name, String... allowed) {
    Optional<String> value = optionalString(name);
    if (value.isEmpty()) {
      return value;
    }
    for (String a : allowed) {
      if (a.equals(value.get())) {
        return value;
      }
    }
    throw fail(name, "'" + value.get() + "' is not one of " + String.join(", ", allowed));
  }

  java.time.Duration duration(String name) {
    return optionalDuration(name).orElseThrow(() -> fail(name, "required"));
  }

  Optional<java.time.Duration> optionalDuration(String name) {
    Optional<String> text = optionalString(name);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(ApiDurations.parse(text.get()));
    } catch (IllegalArgumentException e) {
      throw fail(name, e.getMessage());
    }
  }

  ManifestException fail(String name, String message) {
    return new ManifestException(where + ": " + join(name) + ": " + message);
  }

  String join(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private static String describe(JsonNode node) {
    if (node.isTextual()) {
      return "the string '" + node.asText() + "'";
    }
    if (node.isArray()) {
      return "a list";
    }
    if (node.isObject()) {
      return "an object";
    }
    return node.toString();
  }
}
