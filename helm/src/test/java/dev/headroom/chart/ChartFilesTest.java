package dev.headroom.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The chart's files agree with each other and with the generated CRDs. */
class ChartFilesTest {

  /** Kubernetes objects passed through as they are: documented and typed as a whole. */
  private static final Set<String> PASS_THROUGH =
      Set.of("resources", "podSecurityContext", "securityContext");

  @Test
  void chartCrdsAreByteForByteTheGeneratedOnes() throws IOException {
    Path generated = Chart.REPO.resolve("crds");
    Path chart = Chart.DIR.resolve("crds");

    assertThat(fileNames(chart)).isEqualTo(fileNames(generated)).isNotEmpty();
    for (String name : fileNames(generated)) {
      assertThat(Files.readAllBytes(chart.resolve(name)))
          .as("helm/headroom/crds/%s differs from crds/%s: run scripts/update-crds", name, name)
          .isEqualTo(Files.readAllBytes(generated.resolve(name)));
    }
  }

  @Test
  void chartMetadata() {
    JsonNode chart = Chart.readYaml(Chart.DIR.resolve("Chart.yaml"));

    assertThat(chart.path("apiVersion").asText()).isEqualTo("v2");
    assertThat(chart.path("name").asText()).isEqualTo("headroom");
    assertThat(chart.path("version").asText()).isEqualTo("0.1.0");
    assertThat(chart.path("appVersion").asText()).isEqualTo("0.1.0");
    assertThat(chart.path("type").asText()).isEqualTo("application");
  }

  @Test
  void everyValueIsInTheSchemaAndEverySchemaPropertyIsAValue() {
    Set<String> values = valuePaths();
    Set<String> schema = schemaPaths(schema(), "");
    schema.remove("global");

    assertThat(values).isEqualTo(schema);
  }

  @Test
  void schemaIsDraft07AndStrict() {
    JsonNode schema = schema();

    assertThat(schema.path("$schema").asText())
        .isEqualTo("http://json-schema.org/draft-07/schema#");
    assertThat(schema.path("additionalProperties").asBoolean(true)).isFalse();
    assertStrict(schema, "");
  }

  @Test
  void readmeDocumentsEveryValueAndNoOther() throws IOException {
    String readme = Files.readString(Chart.DIR.resolve("README.md"));
    int start = readme.indexOf("\n## Values\n");
    assertThat(start).as("README.md has a '## Values' section").isPositive();
    int end = readme.indexOf("\n## ", start + 1);
    readme = readme.substring(start, end < 0 ? readme.length() : end);
    Set<String> documented = new TreeSet<>();
    Matcher row = Pattern.compile("(?m)^\\| `([A-Za-z][\\w.]*)` \\| ([^|]+) \\|").matcher(readme);
    while (row.find()) {
      documented.add(row.group(1));
    }

    assertThat(documented).isEqualTo(valuePaths());
  }

  @Test
  void dashboardIsValidJsonWithAUid() {
    JsonNode dashboard = Chart.readJson(Chart.DIR.resolve("files/grafana-dashboard.json"));

    assertThat(dashboard.path("uid").asText()).isEqualTo("headroom-overview");
    assertThat(dashboard.path("panels").size()).isGreaterThan(5);
  }

  private static JsonNode schema() {
    return Chart.readJson(Chart.DIR.resolve("values.schema.json"));
  }

  /** Dotted paths of values.yaml down to scalars, lists, empty maps and pass-through objects. */
  static Set<String> valuePaths() {
    Set<String> out = new TreeSet<>();
    walkValues(Chart.readYaml(Chart.DIR.resolve("values.yaml")), "", out);
    return out;
  }

  private static void walkValues(JsonNode node, String path, Set<String> out) {
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
      JsonNode value = field.getValue();
      if (value.isObject() && value.size() > 0 && !PASS_THROUGH.contains(child)) {
        walkValues(value, child, out);
      } else {
        out.add(child);
      }
    }
  }

  private static Set<String> schemaPaths(JsonNode schema, String path) {
    Set<String> out = new TreeSet<>();
    Iterator<Map.Entry<String, JsonNode>> props = schema.path("properties").fields();
    while (props.hasNext()) {
      Map.Entry<String, JsonNode> prop = props.next();
      String child = path.isEmpty() ? prop.getKey() : path + "." + prop.getKey();
      JsonNode sub = prop.getValue();
      if (sub.has("properties")
          && sub.path("additionalProperties").isBoolean()
          && !sub.path("additionalProperties").asBoolean()
          && !PASS_THROUGH.contains(child)) {
        out.addAll(schemaPaths(sub, child));
      } else {
        out.add(child);
      }
    }
    return out;
  }

  /** Every property is described, and every object the chart defines allows no unknown keys. */
  private static void assertStrict(JsonNode schema, String path) {
    Iterator<Map.Entry<String, JsonNode>> props = schema.path("properties").fields();
    while (props.hasNext()) {
      Map.Entry<String, JsonNode> prop = props.next();
      String child = path.isEmpty() ? prop.getKey() : path + "." + prop.getKey();
      JsonNode sub = prop.getValue();
      if (path.isEmpty() || !PASS_THROUGH.contains(path.split("\\.")[0])) {
        assertThat(sub.path("description").asText()).as("description of %s", child).isNotBlank();
      }
      assertThat(sub.has("type") || sub.has("anyOf")).as("type of %s", child).isTrue();
      if (sub.has("properties")) {
        if (!PASS_THROUGH.contains(child)) {
          assertThat(
                  sub.path("additionalProperties").isBoolean()
                      && !sub.path("additionalProperties").asBoolean())
              .as("%s allows no unknown keys", child)
              .isTrue();
        }
        assertStrict(sub, child);
      }
    }
  }

  private static Set<String> fileNames(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(p -> p.getFileName().toString())
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }
}
