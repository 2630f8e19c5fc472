package dev.headroom.operator.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.operator.pool.AnnotationPoolDelivery;
import dev.headroom.operator.pool.EnvPoolDelivery;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** A slim cached pod answers every question a round asks exactly as the whole pod does. */
class SlimPodTest {

  private static final KubernetesSerialization JSON = new KubernetesSerialization();

  static final String POD =
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: checkout-7d9-abcde
        namespace: shop
        uid: p1
        resourceVersion: "99"
        deletionTimestamp: "2026-12-06T10:00:00Z"
        labels: {app: checkout, pod-template-hash: 7d9}
        annotations: {headroom.dev/pool: "8"}
        ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: checkout-7d9, uid: r}]
      spec:
        nodeName: kwok-node-0
        volumes: [{name: cfg, configMap: {name: cfg}}]
        containers:
          - name: app
            image: shop/checkout:2.1
            env: [{name: DB_POOL_SIZE, value: "8"}]
            resources: {requests: {cpu: 100m}}
      status:
        phase: Running
        podIP: 10.0.0.7
        conditions:
          - {type: Initialized, status: "True"}
          - {type: Ready, status: "True", lastTransitionTime: "2026-12-06T09:00:00Z"}
          - {type: ContainersReady, status: "True"}
        containerStatuses:
          - {name: app, ready: true, restartCount: 0, image: x, imageID: y}
      """;

  private final Pod full = JSON.unmarshal(POD, Pod.class);
  private final Pod slim = SlimPod.of(JSON.unmarshal(POD, Pod.class));

  @Test
  void roundReadsAreTheSame() {
    assertThat(slim.getMetadata().getName()).isEqualTo("checkout-7d9-abcde");
    assertThat(slim.getMetadata().getDeletionTimestamp()).isEqualTo("2026-12-06T10:00:00Z");
    assertThat(ClusterCache.labelKeys(slim)).isEqualTo(ClusterCache.labelKeys(full));
    assertThat(slim.getStatus().getPhase()).isEqualTo("Running");
    assertThat(slim.getStatus().getConditions())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.getType()).isEqualTo("Ready");
              assertThat(c.getStatus()).isEqualTo("True");
            });
    var env = new EnvPoolDelivery(null, "app", "DB_POOL_SIZE");
    var annotation = new AnnotationPoolDelivery(null, "headroom.dev/pool");
    assertThat(env.podPool(slim, OptionalInt.empty())).hasValue(8);
    assertThat(annotation.podPool(slim, OptionalInt.empty())).hasValue(8);
  }

  @Test
  void dropsWhatNoRoundReads() {
    assertThat(slim.getSpec().getVolumes()).isNullOrEmpty();
    assertThat(slim.getSpec().getNodeName()).isNull();
    assertThat(slim.getSpec().getContainers())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.getImage()).isNull();
              assertThat(c.getResources()).isNull();
            });
    assertThat(slim.getStatus().getContainerStatuses()).isNullOrEmpty();
    assertThat(slim.getStatus().getPodIP()).isNull();
    assertThat(slim.getMetadata().getOwnerReferences()).isNullOrEmpty();
  }

  @Test
  void aPodNotYetScheduledHasNoStatusToRead() {
    Pod pending =
        JSON.unmarshal("apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: x}\n", Pod.class);
    Pod slimPending = SlimPod.of(pending);
    assertThat(slimPending.getStatus()).isNull();
    assertThat(slimPending.getSpec().getContainers()).isEmpty();
  }
}
