package dev.headroom.chart;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The chart in {@code helm/headroom}, rendered and linted in-process by helm-java (Helm 3 as a
 * native library from Maven Central). Every call is client-side only: no cluster is contacted.
 */
final class Chart {

  static final Path REPO =
      Path.of(System.getProperty("headroom.repoRoot", "..")).toAbsolutePath().normalize();
  static final Path DIR = REPO.resolve("helm/headroom");
  static final String RELEASE = "headroom";
  static final String NAMESPACE = "headroom-system";

  static final ObjectMapper YAML = new YAMLMapper();
  static final ObjectMapper JSON = new ObjectMapper();

  private Chart() {}

  /** {@code helm template headroom helm/headroom -n headroom-system -f <values>}. */
  static Manifest template(String valuesYaml) {
    return Manifest.parse(templateRaw(valuesYaml));
  }

  static Manifest templateDefaults() {
    return template("");
  }

  static String templateRaw(String valuesYaml) {
    return templateRaw(valuesYaml, NAMESPACE);
  }

  /** {@code helm template headroom helm/headroom -n <namespace> -f <values>}. */
  static String templateRaw(String valuesYaml, String namespace) {
    return templateRaw(valuesYaml, namespace, RELEASE);
  }

  /** {@code helm template <release> helm/headroom -n headroom-system -f <values>}. */
  static Manifest templateRelease(String valuesYaml, String release) {
    return Manifest.parse(templateRaw(valuesYaml, NAMESPACE, release));
  }

  static String templateRaw(String valuesYaml, String namespace, String release) {
    Path values = writeTemp("values-", ".yaml", valuesYaml);
    try {
      return new Helm(DIR)
          .template()
          .withName(release)
          .withNamespace(namespace)
          .withKubeVersion("1.33.0")
          .withValuesFile(values)
          .call();
    } finally {
      delete(values);
    }
  }

  /** The message Helm fails with for these values; fails the test when Helm renders them. */
  static String templateError(String valuesYaml) {
    try {
      String out = templateRaw(valuesYaml);
      throw new AssertionError(
          "helm template accepted the values:\n" + valuesYaml + "\nand rendered:\n" + out);
    } catch (IllegalStateException e) {
      return e.getMessage();
    }
  }

  /** {@code helm lint --strict} of the chart as it is (its own values.yaml). */
  static LintResult lint() {
    return new Helm(DIR).lint().strict().call();
  }

  /**
   * {@code helm lint --strict} with edge values: helm-java's lint takes no values file, so the
   * chart is copied and its values.yaml replaced by the defaults deep-merged with {@code
   * overrides}, which is what {@code helm lint -f overrides} would check.
   */
  static LintResult lintWith(String overridesYaml) {
    Path copy = copyChart();
    try {
      ObjectNode values = (ObjectNode) readYaml(DIR.resolve("values.yaml"));
      JsonNode overrides = YAML.readTree(overridesYaml);
      if (overrides != null && overrides.isObject()) {
        merge(values, (ObjectNode) overrides);
      }
      YAML.writeValue(copy.resolve("values.yaml").toFile(), values);
      return new Helm(copy).lint().strict().call();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteTree(copy);
    }
  }

  static JsonNode readYaml(Path file) {
    try {
      return YAML.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode readJson(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The rules of {@code files/clusterrole-rules.yaml}, as plain maps and lists. */
  static List<Map<String, Object>> fileRules() {
    try {
      return new ObjectMapper(new YAMLFactory())
          .readValue(
              DIR.resolve("files/clusterrole-rules.yaml").toFile(),
              new TypeReference<List<Map<String, Object>>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void merge(ObjectNode into, ObjectNode from) {
    Iterator<Map.Entry<String, JsonNode>> fields = from.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode existing = into.get(field.getKey());
      if (existing != null && existing.isObject() && field.getValue().isObject()) {
        merge((ObjectNode) existing, (ObjectNode) field.getValue());
      } else {
        into.set(field.getKey(), field.getValue());
      }
    }
  }

  private static Path copyChart() {
    try {
      Path target = Files.createTempDirectory("headroom-chart-").resolve("headroom");
      try (Stream<Path> files = Files.walk(DIR)) {
        for (Path source : files.toList()) {
          Path to = target.resolve(DIR.relativize(source).toString());
          if (Files.isDirectory(source)) {
            Files.createDirectories(to);
          } else {
            Files.copy(source, to);
          }
        }
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path writeTemp(String prefix, String suffix, String content) {
    try {
      Path file = Files.createTempFile(prefix, suffix);
      Files.writeString(file, content);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> files = Files.walk(dir.getParent())) {
      List<Path> all = new ArrayList<>(files.toList());
      Collections.reverse(all);
      for (Path p : all) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
