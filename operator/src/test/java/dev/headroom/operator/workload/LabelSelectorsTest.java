package dev.headroom.operator.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelSelectorsTest {

  private static LabelSelectors selector(Map<String, Object> spec) {
    return LabelSelectors.of(spec).orElseThrow();
  }

  @Test
  void matchLabelsNeedEveryLabel() {
    var s = selector(Map.of("matchLabels", Map.of("app", "web", "tier", "front")));
    assertThat(s.matches(Map.of("app", "web", "tier", "front", "pod-template-hash", "x"))).isTrue();
    assertThat(s.matches(Map.of("app", "web"))).isFalse();
    assertThat(s.matches(null)).isFalse();
    assertThat(s.text()).isEqualTo("app=web,tier=front");
  }

  @Test
  void everyExpressionOperatorAsKubernetesDefinesIt() {
    var s =
        selector(
            Map.of(
                "matchExpressions",
                List.of(
                    Map.of("key", "tier", "operator", "In", "values", List.of("b", "a")),
                    Map.of("key", "track", "operator", "NotIn", "values", List.of("canary")),
                    Map.of("key", "app", "operator", "Exists"),
                    Map.of("key", "legacy", "operator", "DoesNotExist"))));
    assertThat(s.matches(Map.of("tier", "a", "app", "x"))).isTrue();
    assertThat(s.matches(Map.of("tier", "a", "app", "x", "track", "stable"))).isTrue();
    assertThat(s.matches(Map.of("tier", "c", "app", "x"))).isFalse();
    assertThat(s.matches(Map.of("tier", "a", "app", "x", "track", "canary"))).isFalse();
    assertThat(s.matches(Map.of("tier", "a"))).isFalse();
    assertThat(s.matches(Map.of("tier", "a", "app", "x", "legacy", ""))).isFalse();
    assertThat(s.text()).isEqualTo("tier in (a,b),track notin (canary),app,!legacy");
  }

  @Test
  void anUnknownOperatorMatchesNothing() {
    var s = selector(Map.of("matchExpressions", List.of(Map.of("key", "a", "operator", "Near"))));
    assertThat(s.matches(Map.of("a", "1"))).isFalse();
  }

  @Test
  void anEmptyOrMissingSelectorIsLeftToTheApiServer() {
    assertThat(LabelSelectors.of(null)).isEmpty();
    assertThat(LabelSelectors.of(Map.of())).isEmpty();
    assertThat(LabelSelectors.of("app=web")).isEmpty();
  }
}
