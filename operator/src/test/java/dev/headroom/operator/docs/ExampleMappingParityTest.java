package dev.headroom.operator.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.headroom.engine.budget.BudgetSpec;
import dev.headroom.engine.model.PolicySpec;
import dev.headroom.operator.api.v1alpha1.ConnectionBudget;
import dev.headroom.operator.api.v1alpha1.ScalingPolicy;
import dev.headroom.operator.budget.BudgetSpecMapper;
import dev.headroom.operator.docs.Examples.Doc;
import dev.headroom.operator.policy.PolicySpecMapper;
import dev.headroom.simulator.input.BudgetManifest;
import dev.headroom.simulator.input.ManifestReader;
import dev.headroom.simulator.input.Manifests;
import dev.headroom.simulator.input.PolicyManifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The operator and the simulator read the same API: every ScalingPolicy and ConnectionBudget in
 * {@code examples/} maps to equal engine specs through the operator's mappers ({@link
 * PolicySpecMapper}, {@link BudgetSpecMapper}) and the simulator's ({@link ManifestReader}), so
 * that an API default or a field read differently in one host shows here. The simulator's side is
 * the declared spec ({@link PolicyManifest#declared()}); what it then simulates differently is
 * listed in its notes.
 *
 * <p>Here the operator maps each object as written (absent fields left to the mapper's own
 * fallbacks); {@code ExampleMappingParityIT} maps it as the test bed's API server stores it (the
 * CRD schema's defaults applied by a dry-run create, which is what the operator receives). Each
 * example is applied to namespace {@code default}, the namespace the simulator assumes; the
 * operator's surge from the rollout strategy is 0, as the declared spec carries it.
 */
class ExampleMappingParityTest {

  private static final String NAMESPACE = "default";

  /** Example files with at least one ScalingPolicy or ConnectionBudget. */
  static Stream<String> headroomExamples() {
    return Examples.names().filter(n -> docs(n).stream().anyMatch(Doc::isHeadroom));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("headroomExamples")
  void policiesMapAlikeAsWritten(String example) {
    assertPoliciesMapAlike(example, Doc::node);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("headroomExamples")
  void budgetsMapAlikeAsWritten(String example) {
    assertBudgetsMapAlike(example, Doc::node);
  }

  static void assertPoliciesMapAlike(String example, Function<Doc, JsonNode> asReceived) {
    Map<String, PolicyManifest> simulated =
        simulator(example).policies().stream()
            .collect(Collectors.toMap(PolicyManifest::id, Function.identity()));
    List<Doc> policies = ofKind(example, "ScalingPolicy");

    assertThat(simulated.keySet())
        .as("policies the simulator read from %s", example)
        .hasSize(policies.size());
    for (Doc d : policies) {
      ScalingPolicy policy =
          ExamplesMatchSchemaTest.load(
              inDefaultNamespace(asReceived.apply(d)), ScalingPolicy.class, d.toString());
      PolicySpec operator = PolicySpecMapper.toEngine(policy, 0);

      assertThat(simulated).as("the simulator's policies").containsKey(operator.id());
      assertThat(simulated.get(operator.id()).declared())
          .as("%s through the simulator's mapper", d)
          .isEqualTo(operator);
    }
  }

  static void assertBudgetsMapAlike(String example, Function<Doc, JsonNode> asReceived) {
    Map<String, BudgetSpec> simulated =
        simulator(example).budgets().stream()
            .map(BudgetManifest::spec)
            .collect(Collectors.toMap(BudgetSpec::id, Function.identity()));
    List<Doc> budgets = ofKind(example, "ConnectionBudget");

    assertThat(simulated.keySet())
        .as("budgets the simulator read from %s", example)
        .hasSize(budgets.size());
    for (Doc d : budgets) {
      ConnectionBudget budget =
          ExamplesMatchSchemaTest.load(
              inDefaultNamespace(asReceived.apply(d)), ConnectionBudget.class, d.toString());
      BudgetSpec operator = BudgetSpecMapper.toEngine(budget, budget.getSpec().getMaxConnections());

      assertThat(simulated).as("the simulator's budgets").containsKey(operator.id());
      assertThat(simulated.get(operator.id()))
          .as("%s through the simulator's mapper", d)
          .isEqualTo(operator);
    }
  }

  /** The object as the operator gets it once applied to {@link #NAMESPACE}. */
  private static JsonNode inDefaultNamespace(JsonNode received) {
    ObjectNode node = received.deepCopy();
    ((ObjectNode) node.path("metadata")).put("namespace", NAMESPACE);
    return node;
  }

  private static Manifests simulator(String example) {
    Path file = Examples.DIR.resolve(example);
    try {
      return new ManifestReader().readDeclared(example, Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Doc> docs(String example) {
    return Examples.docs(Examples.DIR.resolve(example));
  }

  private static List<Doc> ofKind(String example, String kind) {
    return docs(example).stream().filter(d -> d.isHeadroom() && d.kind().equals(kind)).toList();
  }
}
