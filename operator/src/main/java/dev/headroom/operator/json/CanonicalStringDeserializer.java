package dev.headroom.operator.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import java.io.IOException;

/**
 * Jackson's string values, each replaced by its shared copy ({@link CanonicalStrings}), except
 * those of fields unique to one object's version ({@code uid}, {@code resourceVersion}).
 */
final class CanonicalStringDeserializer extends StdScalarDeserializer<String> {

  private final transient CanonicalStrings strings;

  CanonicalStringDeserializer(CanonicalStrings strings) {
    super(String.class);
    this.strings = strings;
  }

  @Override
  public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    String value = StringDeserializer.instance.deserialize(p, ctxt);
    return isUniqueField(p.currentName()) ? value : strings.of(value);
  }

  /**
   * Fields whose value no other object (or version of one) repeats: sharing them saves nothing, and
   * every watch event would add a dead entry to the table until it starts again.
   */
  static boolean isUniqueField(String name) {
    return "resourceVersion".equals(name) || "uid".equals(name);
  }
}
