package dev.headroom.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code watchNamespaces: [team-a, team-b]}: Roles per namespace instead of a ClusterRole. */
class NamespaceScopedTest {

  private static final String VALUES =
      """
      watchNamespaces: [team-a, team-b]
      """;

  private static Manifest manifest;

  @BeforeAll
  static void render() {
    manifest = Chart.template(VALUES);
  }

  @Test
  void operatorWatchesOnlyTheListedNamespaces() {
    assertThat(manifest.operatorEnv())
        .containsEntry("QUARKUS_OPERATOR_SDK_NAMESPACES", "team-a,team-b")
        .containsEntry("HEADROOM_LEADER_ELECTION_ENABLED", "true");
  }

  @Test
  void aRoleAndARoleBindingInEachWatchedNamespace() {
    for (String ns : List.of("team-a", "team-b")) {
      JsonNode role =
          manifest.ofKind("Role").stream()
              .filter(r -> ns.equals(r.at("/metadata/namespace").asText()))
              .findFirst()
              .orElseThrow();
      JsonNode binding =
          manifest.ofKind("RoleBinding").stream()
              .filter(r -> ns.equals(r.at("/metadata/namespace").asText()))
              .findFirst()
              .orElseThrow();

      assertThat(binding.at("/roleRef/kind").asText()).isEqualTo("Role");
      assertThat(binding.at("/roleRef/name").asText())
          .isEqualTo(role.at("/metadata/name").asText());
      assertThat(binding.at("/subjects/0/name").asText()).isEqualTo("headroom");
      assertThat(binding.at("/subjects/0/namespace").asText()).isEqualTo(Chart.NAMESPACE);
    }
  }

  @Test
  void noClusterWideGrantExceptReadingNamespaces() {
    List<JsonNode> clusterRoles = manifest.ofKind("ClusterRole");

    assertThat(clusterRoles)
        .singleElement()
        .satisfies(
            role ->
                assertThat(RbacTriples.of(role.path("rules")))
                    .containsExactlyInAnyOrder("/namespaces/get", "/namespaces/list"));
    assertThat(manifest.ofKind("ClusterRoleBinding"))
        .singleElement()
        .satisfies(
            b ->
                assertThat(b.at("/roleRef/name").asText())
                    .isEqualTo(clusterRoles.get(0).at("/metadata/name").asText()));
  }

  @Test
  void leaseRuleIsARoleInTheReleaseNamespaceOnly() {
    JsonNode lease = manifest.get("Role", "headroom-leader-election");

    assertThat(lease.at("/metadata/namespace").asText()).isEqualTo(Chart.NAMESPACE);
    Set<String> leaseRules =
        new TreeSet<>(RbacTriples.of(Chart.YAML.valueToTree(Chart.fileRules())));
    leaseRules.removeIf(t -> !t.startsWith("coordination.k8s.io/leases/"));
    assertThat(leaseRules).isNotEmpty();
    assertThat(RbacTriples.of(lease.path("rules"))).isEqualTo(leaseRules);
    for (String ns : List.of("team-a", "team-b")) {
      assertThat(RbacTriples.of(roleIn(ns).path("rules")))
          .noneMatch(t -> t.contains("/leases/") || t.contains("/namespaces/"));
    }
  }

  @Test
  void theRolesTogetherGrantExactlyTheRulesFile() {
    Set<String> expected = RbacTriples.of(Chart.YAML.valueToTree(Chart.fileRules()));
    Set<String> granted = new TreeSet<>();
    manifest.ofKind("ClusterRole").forEach(r -> granted.addAll(RbacTriples.of(r.path("rules"))));
    manifest.ofKind("Role").forEach(r -> granted.addAll(RbacTriples.of(r.path("rules"))));

    assertThat(granted).isEqualTo(expected);
    for (String ns : List.of("team-a", "team-b")) {
      Set<String> perNamespace = RbacTriples.of(roleIn(ns).path("rules"));
      assertThat(perNamespace).allMatch(expected::contains);
    }
  }

  @Test
  void withoutTheNamespaceReaderThereIsNoClusterScopedObjectAtAll() {
    Manifest without = Chart.template(VALUES + "rbac:\n  namespaceReader: false\n");

    assertThat(without.ofKind("ClusterRole")).isEmpty();
    assertThat(without.ofKind("ClusterRoleBinding")).isEmpty();
    assertThat(without.ofKind("Role")).hasSize(3);
  }

  @Test
  void rbacCreateFalseRendersNoRbac() {
    Manifest none = Chart.template(VALUES + "rbac:\n  create: false\n");

    assertThat(none.kindsAndNames()).noneMatch(id -> id.contains("Role"));
    assertThat(none.operatorEnv())
        .containsEntry("QUARKUS_OPERATOR_SDK_NAMESPACES", "team-a,team-b");
  }

  private static JsonNode roleIn(String namespace) {
    return manifest.ofKind("Role").stream()
        .filter(r -> namespace.equals(r.at("/metadata/namespace").asText()))
        .findFirst()
        .orElseThrow();
  }

  /** RBAC rules flattened to "group/resource/verb" strings, so grants compare as sets. */
  static final class RbacTriples {
    private RbacTriples() {}

    static Set<String> of(JsonNode rules) {
      Set<String> out = new TreeSet<>();
      for (JsonNode rule : rules) {
        for (JsonNode group : rule.path("apiGroups")) {
          for (JsonNode resource : rule.path("resources")) {
            for (JsonNode verb : rule.path("verbs")) {
              out.add(group.asText() + "/" + resource.asText() + "/" + verb.asText());
            }
          }
        }
        assertThat(rule.has("resourceNames")).as("no rule is narrowed by name: %s", rule).isFalse();
      }
      return out;
    }
  }
}
