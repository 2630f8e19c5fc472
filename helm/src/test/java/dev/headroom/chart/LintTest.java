package dev.headroom.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.LintResult;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code helm lint --strict}: warnings fail too. */
class LintTest {

  @Test
  void chartIsLintCleanWithItsOwnValues() {
    LintResult result = Chart.lint();

    assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
    assertThat(result.getMessages())
        .noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
  }

  static Stream<Arguments> edgeValues() {
    return Stream.of(
        Arguments.of("namespace-scoped", "watchNamespaces: [team-a, team-b]"),
        Arguments.of("one replica", "replicas: 1"),
        Arguments.of(
            "one replica without leader election", "replicas: 1\nleaderElection: {enabled: false}"),
        Arguments.of(
            "monitoring on",
            "serviceMonitor: {enabled: true}\nprometheusRule: {enabled: true}\n"
                + "grafanaDashboard: {enabled: true}"),
        Arguments.of(
            "custom image",
            "image: {repository: registry.example/headroom, tag: dev, pullPolicy: Always}"),
        Arguments.of(
            "everything at once",
            "replicas: 1\nwatchNamespaces: [shop]\nserviceMonitor: {enabled: true}\n"
                + "prometheusRule: {enabled: true}\ngrafanaDashboard: {enabled: true}\n"
                + "prometheus: {bearerTokenSecret: {name: token}, caConfigMap: {name: ca}}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("edgeValues")
  void chartIsLintCleanWithEdgeValues(String name, String values) {
    LintResult result = Chart.lintWith(values);

    assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
    assertThat(result.getMessages())
        .noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
  }

  @Test
  void lintReportsBadValuesAsAFailure() {
    LintResult result = Chart.lintWith("replicas: -1");

    assertThat(result.isFailed()).isTrue();
    assertThat(String.join("\n", result.getMessages()))
        .contains("at '/replicas': minimum: got -1, want 0");
  }
}
