package dev.headroom.testbed.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.List;
import org.junit.jupiter.api.Test;

class FakeNodesTest {

  @Test
  void eachNodeIsForKwokWithRoomFor250Pods() {
    List<Node> nodes = new FakeNodes(3).manifests();
    assertThat(nodes)
        .extracting(n -> n.getMetadata().getName())
        .containsExactly("kwok-node-0", "kwok-node-1", "kwok-node-2");
    Node node = nodes.get(2);
    assertThat(node.getMetadata().getAnnotations()).containsEntry("kwok.x-k8s.io/node", "fake");
    assertThat(node.getMetadata().getLabels())
        .containsEntry("type", "kwok")
        .containsEntry("kubernetes.io/hostname", "kwok-node-2");
    assertThat(node.getStatus().getCapacity())
        .containsEntry("cpu", new Quantity("64"))
        .containsEntry("memory", new Quantity("256Gi"))
        .containsEntry("pods", new Quantity("250"));
    assertThat(node.getStatus().getAllocatable()).isEqualTo(node.getStatus().getCapacity());
    assertThat(node.getSpec()).isNull();
  }

  @Test
  void readyMeansConditionReadyTrue() {
    assertThat(FakeNodes.isReady(withReady("True"))).isTrue();
    assertThat(FakeNodes.isReady(withReady("False"))).isFalse();
    assertThat(FakeNodes.isReady(new FakeNodes(1).manifests().get(0))).isFalse();
  }

  private static Node withReady(String status) {
    return new NodeBuilder()
        .withNewStatus()
        .addNewCondition()
        .withType("Ready")
        .withStatus(status)
        .endCondition()
        .endStatus()
        .build();
  }
}
