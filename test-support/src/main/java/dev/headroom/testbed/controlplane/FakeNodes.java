package dev.headroom.testbed.controlplane;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The fake nodes kwok runs pods on: {@code kwok-node-0..N-1}, annotated for kwok, labelled {@code
 * type=kwok}, 64 CPU, 256Gi and 250 pods each, no taints.
 */
public final class FakeNodes {

  public static final String LABEL = "type";
  public static final String LABEL_VALUE = "kwok";

  private final int count;

  public FakeNodes(int count) {
    this.count = count;
  }

  /** The Node objects to create, status included (a Node may be created with its status). */
  public List<Node> manifests() {
    return IntStream.range(0, count).mapToObj(FakeNodes::node).toList();
  }

  private static Node node(int i) {
    String name = "kwok-node-" + i;
    Map<String, Quantity> resources =
        Map.of(
            "cpu",
            new Quantity("64"),
            "memory",
            new Quantity("256Gi"),
            "pods",
            new Quantity("250"));
    return new NodeBuilder()
        .withNewMetadata()
        .withName(name)
        .addToAnnotations(KwokFlags.NODE_ANNOTATION, "fake")
        .addToAnnotations("node.alpha.kubernetes.io/ttl", "0")
        .addToLabels("kubernetes.io/hostname", name)
        .addToLabels("kubernetes.io/os", "linux")
        .addToLabels("kubernetes.io/arch", "amd64")
        .addToLabels("kubernetes.io/role", "agent")
        .addToLabels(LABEL, LABEL_VALUE)
        .endMetadata()
        .withNewStatus()
        .withAllocatable(resources)
        .withCapacity(resources)
        .withNewNodeInfo()
        .withArchitecture("amd64")
        .withOperatingSystem("linux")
        .withKubeletVersion("fake")
        .endNodeInfo()
        .endStatus()
        .build();
  }

  /** Creates the nodes (or updates those that exist). */
  public void create(KubernetesClient client) {
    for (Node node : manifests()) {
      client.nodes().resource(node).createOr(n -> n.update());
    }
  }

  /** Every fake node has condition Ready=True. */
  public boolean ready(KubernetesClient client) {
    long ready =
        client.nodes().withLabel(LABEL, LABEL_VALUE).list().getItems().stream()
            .filter(FakeNodes::isReady)
            .count();
    return ready >= count;
  }

  static boolean isReady(Node node) {
    return node.getStatus() != null
        && node.getStatus().getConditions() != null
        && node.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }
}
