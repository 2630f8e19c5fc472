package dev.headroom.operator.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import java.io.IOException;

/** Jackson's string values, each replaced by its shared copy ({@link CanonicalStrings}). */
final class CanonicalStringDeserializer extends StdScalarDeserializer<String> {

  private final transient CanonicalStrings strings;

  CanonicalStringDeserializer(CanonicalStrings strings) {
    super(String.class);
    this.strings = strings;
  }

  @Override
  public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    return strings.of(StringDeserializer.instance.deserialize(p, ctxt));
  }
}
