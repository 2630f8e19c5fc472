package dev.headroom.operator.docs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.headroom.operator.docs.Examples.Doc;
import dev.headroom.operator.it.OperatorProcess;
import dev.headroom.testbed.TestBed;
import dev.headroom.testbed.WithTestBed;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link ExampleMappingParityTest} with each object as the operator receives it: created with
 * {@code dryRun=All} on the test bed's API server, which applies the CRD schema's defaults, and
 * mapped from what the server answered. An API default that one host's mapper reads differently
 * from the schema's shows here.
 */
@WithTestBed
class ExampleMappingParityIT {

  @BeforeAll
  static void installCrds(TestBed bed, KubernetesClient client) {
    OperatorProcess.install(bed, client);
  }

  static Stream<String> headroomExamples() {
    return ExampleMappingParityTest.headroomExamples();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("headroomExamples")
  void policiesMapAlikeAsTheApiServerStoresThem(String example, KubernetesClient client) {
    ExampleMappingParityTest.assertPoliciesMapAlike(example, d -> stored(client, d));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("headroomExamples")
  void budgetsMapAlikeAsTheApiServerStoresThem(String example, KubernetesClient client) {
    ExampleMappingParityTest.assertBudgetsMapAlike(example, d -> stored(client, d));
  }

  private static JsonNode stored(KubernetesClient client, Doc d) {
    GenericKubernetesResource answered = ExamplesSchemaIT.dryRunCreate(client, d.node());
    return client.getKubernetesSerialization().convertValue(answered, JsonNode.class);
  }
}
