package dev.headroom.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/operations.md and docs/helm.md, the operator's metrics and the release workflow agree with
 * the chart. (The image's user and port are checked against the chart by the image module's {@code
 * OperatorImageIT}, which reads the built image.)
 */
class DocsAndReleaseTest {

  private static final Path OPERATIONS = Chart.REPO.resolve("docs/operations.md");
  private static final Path HELM_DOC = Chart.REPO.resolve("docs/helm.md");
  private static final Path METRICS =
      Chart.REPO.resolve(
          "operator/src/main/java/dev/headroom/operator/metrics/HeadroomMetrics.java");
  private static final Path RELEASE = Chart.REPO.resolve(".github/workflows/release.yml");
  private static final Pattern METRIC = Pattern.compile("headroom_[a-z_]+");

  @Test
  void operationsDocListsEveryPermissionOfTheRulesFile() throws IOException {
    List<String> rows =
        section(read(OPERATIONS), "## Permissions")
            .lines()
            .filter(l -> l.startsWith("| `") || l.startsWith("| core"))
            .toList();
    List<Map<String, Object>> rules = Chart.fileRules();

    assertThat(rows).as("one table row per rule").hasSize(rules.size());
    for (Map<String, Object> rule : rules) {
      List<String> cells = rows.stream().filter(r -> matches(r, rule)).toList();
      assertThat(cells).as("a row of docs/operations.md for %s", rule).hasSize(1);
    }
  }

  @Test
  void operationsDocListsEveryMetricTheOperatorExports() throws IOException {
    String metricsSection = section(read(OPERATIONS), "## Metrics");

    assertThat(operatorMetrics())
        .isNotEmpty()
        .allSatisfy(m -> assertThat(metricsSection).contains("| `" + m + "` |"));
  }

  @Test
  void alertsAndDashboardUseOnlyMetricsTheOperatorExports() throws IOException {
    Manifest m = Chart.template("prometheusRule: {enabled: true}\n");
    Set<String> used = new TreeSet<>();
    for (JsonNode group : m.one("PrometheusRule").at("/spec/groups")) {
      group.path("rules").forEach(r -> used.addAll(metricsIn(r.path("expr").asText())));
    }
    used.addAll(metricsIn(read(Chart.DIR.resolve("files/grafana-dashboard.json"))));
    Set<String> exported = operatorMetrics();

    assertThat(used)
        .isNotEmpty()
        .allSatisfy(
            name ->
                assertThat(exported)
                    .as("%s is exported by HeadroomMetrics", name)
                    .contains(name.replaceAll("_(sum|count|max|bucket)$", "")));
  }

  @Test
  void releaseWorkflowBuildsThisImageAndThisChart() throws IOException {
    JsonNode workflow = Chart.readYaml(RELEASE);
    String text = read(RELEASE);
    String repository =
        Chart.readYaml(Chart.DIR.resolve("values.yaml")).at("/image/repository").asText();

    assertThat(workflow.at("/env/IMAGE").asText()).isEqualTo(repository);
    assertThat(text)
        .contains(
            "./mvnw -B package",
            "-Dheadroom.image.version=",
            "-Dheadroom.image.revision=",
            "-Dheadroom.image.source=",
            "oci-archive:image/target/headroom-operator-image.tar",
            "helm lint --strict helm/headroom",
            "helm package helm/headroom",
            "helm push");
  }

  @Test
  void helmDocListsEveryTestOfThisModule() throws IOException {
    String doc = section(read(HELM_DOC), "## How the chart is tested");
    Set<String> documented = new TreeSet<>();
    Matcher row = Pattern.compile("(?m)^\\| `(\\w+Test)` \\|").matcher(doc);
    while (row.find()) {
      documented.add(row.group(1));
    }
    Set<String> tests;
    try (Stream<Path> files = Files.list(Path.of("src/test/java/dev/headroom/chart"))) {
      tests =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith("Test.java"))
              .map(n -> n.substring(0, n.length() - ".java".length()))
              .collect(Collectors.toCollection(TreeSet::new));
    }

    assertThat(documented).isEqualTo(tests);
    assertThat(doc).contains(ValuesSchemaTest.badValues().count() + " kinds of bad values");
  }

  private static boolean matches(String row, Map<String, Object> rule) {
    String[] cells = row.split("\\|");
    @SuppressWarnings("unchecked")
    List<String> groups = (List<String>) rule.get("apiGroups");
    @SuppressWarnings("unchecked")
    List<String> resources = (List<String>) rule.get("resources");
    @SuppressWarnings("unchecked")
    List<String> verbs = (List<String>) rule.get("verbs");
    String group = groups.get(0).isEmpty() ? "core" : "`" + groups.get(0) + "`";
    return cells.length > 4
        && cells[1].trim().equals(group)
        && ticked(cells[2]).equals(Set.copyOf(resources))
        && ticked(cells[3]).equals(Set.copyOf(verbs));
  }

  private static Set<String> ticked(String cell) {
    Set<String> out = new TreeSet<>();
    Matcher m = Pattern.compile("`([^`]+)`").matcher(cell);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private static Set<String> operatorMetrics() throws IOException {
    Set<String> out = new TreeSet<>();
    Matcher m = Pattern.compile("\"(headroom_[a-z_]+)\"").matcher(read(METRICS));
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private static Set<String> metricsIn(String text) {
    Set<String> out = new TreeSet<>();
    Matcher m = METRIC.matcher(text);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  private static String section(String doc, String heading) {
    int start = doc.indexOf("\n" + heading + "\n");
    assertThat(start).as("section %s", heading).isPositive();
    int end = doc.indexOf("\n## ", start + heading.length() + 2);
    return doc.substring(start, end < 0 ? doc.length() : end);
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file);
  }
}
