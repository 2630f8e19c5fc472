package dev.headroom.testbed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The control plane runs Deployments the way a real cluster does: ReplicaSets, pods, surges. */
@WithTestBed
class DeploymentRolloutIT {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String KWOK_ANNOTATION = "kwok.x-k8s.io/node";

  @Test
  void serverReportsThePinnedVersionAndHasReadyKwokNodes(KubernetesClient client, TestBed bed) {
    assertThat(client.getKubernetesVersion().getGitVersion()).isEqualTo(bed.kubernetesVersion());
    List<Node> nodes = client.nodes().list().getItems();
    assertThat(nodes).hasSizeGreaterThanOrEqualTo(3);
    assertThat(nodes)
        .allSatisfy(
            node -> {
              assertThat(node.getMetadata().getAnnotations())
                  .containsEntry(KWOK_ANNOTATION, "fake");
              assertThat(node.getStatus().getConditions())
                  .anySatisfy(
                      c -> assertThat(c.getType() + "=" + c.getStatus()).isEqualTo("Ready=True"));
              // kwok renews a lease per node: the heartbeat that keeps the node lifecycle
              // controller
              // from marking nodes (and their pods) NotReady between status updates
              assertThat(
                      client
                          .leases()
                          .inNamespace("kube-node-lease")
                          .withName(node.getMetadata().getName())
                          .get())
                  .isNotNull();
            });
  }

  @Test
  void deploymentGetsReadyPodsOnKwokNodesScalesAndRollsOutWithSurge(
      KubernetesClient client, TestNamespace namespace) {
    client.apps().deployments().resource(web(3, "1")).create();
    awaitReadyPods(client, 3);

    client.apps().deployments().withName("web").scale(5);
    awaitReadyPods(client, 5);

    LiveWebPods live = new LiveWebPods();
    try (SharedIndexInformer<Pod> informer = client.pods().withLabel("app", "web").inform(live)) {
      // handlers see the initial list asynchronously; start from all 5 pods seen
      await().atMost(WAIT).until(() -> live.live.size() == 5);

      // a patch without resourceVersion: the controller updates the status meanwhile
      client
          .apps()
          .deployments()
          .withName("web")
          .patch(
              PatchContext.of(PatchType.STRATEGIC_MERGE),
              "{\"spec\":{\"template\":{\"metadata\":{\"annotations\":{\"headroom.dev/revision\":\"2\"}}}}}");

      await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> rolledOut(client, 5));
      awaitReadyPods(client, 5);
      assertThat(readyPods(client))
          .allSatisfy(
              pod ->
                  assertThat(pod.getMetadata().getAnnotations())
                      .containsEntry("headroom.dev/revision", "2"));
    }
    // maxUnavailable=0: new pods must exist before any old one goes, so more than 5 at once.
    assertThat(live.max.get())
        .as("most non-terminating pods seen at once during the rollout (replicas 5, maxSurge 2)")
        .isGreaterThan(5);
    assertThat(namespace.name()).isEqualTo(client.getNamespace());
  }

  private static Deployment web(int replicas, String revision) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName("web")
        .endMetadata()
        .withNewSpec()
        .withReplicas(replicas)
        .withNewSelector()
        .addToMatchLabels("app", "web")
        .endSelector()
        .withNewStrategy()
        .withType("RollingUpdate")
        .withNewRollingUpdate()
        .withMaxSurge(new IntOrString(2))
        .withMaxUnavailable(new IntOrString(0))
        .endRollingUpdate()
        .endStrategy()
        .withNewTemplate()
        .withNewMetadata()
        .addToLabels("app", "web")
        .addToAnnotations("headroom.dev/revision", revision)
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("nginx")
        .withImage("nginx")
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  private static void awaitReadyPods(KubernetesClient client, int expected) {
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () -> {
              List<Pod> pods =
                  client.pods().withLabel("app", "web").list().getItems().stream()
                      .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
                      .toList();
              assertThat(pods).hasSize(expected);
              assertThat(readyPods(client)).hasSize(expected);
            });
    Set<String> kwokNodes =
        client.nodes().list().getItems().stream()
            .filter(n -> "fake".equals(n.getMetadata().getAnnotations().get(KWOK_ANNOTATION)))
            .map(n -> n.getMetadata().getName())
            .collect(Collectors.toSet());
    assertThat(readyPods(client))
        .allSatisfy(pod -> assertThat(kwokNodes).contains(pod.getSpec().getNodeName()));
  }

  private static List<Pod> readyPods(KubernetesClient client) {
    return client.pods().withLabel("app", "web").list().getItems().stream()
        .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
        .filter(p -> "Running".equals(p.getStatus().getPhase()))
        .filter(
            p ->
                p.getStatus().getConditions().stream()
                    .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus())))
        .toList();
  }

  private static boolean rolledOut(KubernetesClient client, int replicas) {
    Deployment d = client.apps().deployments().withName("web").get();
    DeploymentStatus s = d.getStatus();
    return s != null
        && Objects.equals(s.getObservedGeneration(), d.getMetadata().getGeneration())
        && Objects.equals(s.getUpdatedReplicas(), replicas)
        && Objects.equals(s.getReplicas(), replicas)
        && Objects.equals(s.getAvailableReplicas(), replicas);
  }

  /**
   * Pods that exist and are not terminating, as seen in watch order; remembers the most at once.
   */
  private static final class LiveWebPods implements ResourceEventHandler<Pod> {
    final Map<String, Boolean> live = new ConcurrentHashMap<>();
    final AtomicInteger max = new AtomicInteger();

    @Override
    public void onAdd(Pod pod) {
      track(pod);
    }

    @Override
    public void onUpdate(Pod oldPod, Pod pod) {
      track(pod);
    }

    @Override
    public void onDelete(Pod pod, boolean deletedFinalStateUnknown) {
      live.remove(pod.getMetadata().getUid());
    }

    private synchronized void track(Pod pod) {
      if (pod.getMetadata().getDeletionTimestamp() == null) {
        live.put(pod.getMetadata().getUid(), Boolean.TRUE);
      } else {
        live.remove(pod.getMetadata().getUid());
      }
      max.accumulateAndGet(live.size(), Math::max);
    }
  }
}
