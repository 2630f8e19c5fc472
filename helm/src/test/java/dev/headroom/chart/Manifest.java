package dev.headroom.chart;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.stream.Collectors;

/** The objects of one {@code helm template} output, parsed as YAML documents. */
record Manifest(List<JsonNode> objects) {

  static Manifest parse(String rendered) {
    List<JsonNode> objects = new ArrayList<>();
    try (JsonParser parser = Chart.YAML.getFactory().createParser(rendered);
        MappingIterator<JsonNode> docs = Chart.YAML.readValues(parser, JsonNode.class)) {
      while (docs.hasNext()) {
        JsonNode doc = docs.next();
        if (doc != null && !doc.isNull() && !doc.isMissingNode() && doc.size() > 0) {
          objects.add(doc);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("helm template rendered invalid YAML:\n" + rendered, e);
    }
    return new Manifest(List.copyOf(objects));
  }

  List<JsonNode> ofKind(String kind) {
    return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
  }

  JsonNode one(String kind) {
    List<JsonNode> all = ofKind(kind);
    if (all.size() != 1) {
      throw new AssertionError(
          "expected one " + kind + " but found " + all.size() + " in " + kindsAndNames());
    }
    return all.get(0);
  }

  Optional<JsonNode> find(String kind, String name) {
    return ofKind(kind).stream()
        .filter(o -> name.equals(o.path("metadata").path("name").asText()))
        .findFirst();
  }

  JsonNode get(String kind, String name) {
    return find(kind, name)
        .orElseThrow(
            () -> new NoSuchElementException(kind + " " + name + " not in " + kindsAndNames()));
  }

  /** "Kind/name" (or "Kind/namespace/name") of every object, in order. */
  List<String> kindsAndNames() {
    return objects.stream().map(Manifest::id).collect(Collectors.toList());
  }

  static String id(JsonNode o) {
    JsonNode meta = o.path("metadata");
    String ns = meta.path("namespace").asText("");
    return o.path("kind").asText()
        + "/"
        + (ns.isEmpty() ? "" : ns + "/")
        + meta.path("name").asText();
  }

  /** The operator container of the Deployment. */
  JsonNode operatorContainer() {
    JsonNode containers =
        one("Deployment").path("spec").path("template").path("spec").path("containers");
    for (JsonNode c : containers) {
      if ("operator".equals(c.path("name").asText())) {
        return c;
      }
    }
    throw new AssertionError("no container named operator in " + containers);
  }

  /** Env of the operator container as name -> value (valueFrom entries map to null). */
  Map<String, String> operatorEnv() {
    Map<String, String> env = new LinkedHashMap<>();
    for (JsonNode e : operatorContainer().path("env")) {
      env.put(e.path("name").asText(), e.has("value") ? e.path("value").asText() : null);
    }
    return env;
  }
}
