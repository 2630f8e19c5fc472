package dev.headroom.operator.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.headroom.operator.pool.AnnotationPoolDelivery;
import dev.headroom.operator.pool.EnvPoolDelivery;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A slim cached target answers every question a round asks exactly as the whole object does. */
class SlimTargetTest {

  private static final KubernetesSerialization JSON = new KubernetesSerialization();

  static final String DEPLOYMENT =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: checkout
        namespace: shop
        uid: 7d1c
        generation: 4
        resourceVersion: "812"
        labels: {app: checkout}
        annotations:
          kubectl.kubernetes.io/last-applied-configuration: '{"a very":"long copy"}'
          team: payments
        managedFields:
          - manager: kubectl
            operation: Apply
            fieldsType: FieldsV1
            fieldsV1: {f:spec: {f:replicas: {}}}
        ownerReferences:
          - {apiVersion: v1, kind: Thing, name: owner, uid: "1"}
      spec:
        replicas: 3
        selector: {matchLabels: {app: checkout}}
        strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 25%, maxUnavailable: 0}}
        template:
          metadata:
            labels: {app: checkout}
            annotations: {headroom.dev/pool: "12"}
          spec:
            volumes: [{name: cfg, configMap: {name: cfg}}]
            containers:
              - name: sidecar
                image: envoy:1
              - name: app
                image: shop/checkout:2.1
                env:
                  - {name: FIRST, value: "x"}
                  - {name: FROM_SECRET, valueFrom: {secretKeyRef: {name: s, key: k}}}
                  - {name: DB_POOL_SIZE, value: "12"}
                resources: {requests: {cpu: 100m, memory: 64Mi}}
                readinessProbe: {httpGet: {path: /ready, port: 8080}}
      status:
        observedGeneration: 3
        replicas: 4
        updatedReplicas: 2
        readyReplicas: 3
        availableReplicas: 3
        conditions:
          - {type: Available, status: "True", reason: MinimumReplicasAvailable, message: ok}
          - {type: Progressing, status: "True", reason: ReplicaSetUpdated, message: going}
      """;

  private final GenericKubernetesResource full =
      JSON.unmarshal(DEPLOYMENT, GenericKubernetesResource.class);
  private final GenericKubernetesResource slim =
      SlimTarget.of(JSON.unmarshal(DEPLOYMENT, GenericKubernetesResource.class));

  @Test
  void roundReadsAreTheSame() {
    assertThat(slim.getApiVersion()).isEqualTo("apps/v1");
    assertThat(slim.getKind()).isEqualTo("Deployment");
    assertThat((Object) slim.get("spec", "replicas")).isEqualTo(3);
    assertThat((Object) slim.get("spec", "selector")).isEqualTo(full.get("spec", "selector"));
    assertThat(WorkloadReader.maxSurgeOf(slim)).isEqualTo("25%");
    assertThat(WorkloadReader.rolling(slim)).isTrue().isEqualTo(WorkloadReader.rolling(full));
    assertThat(slim.getMetadata().getUid()).isEqualTo("7d1c");
    assertThat(slim.getMetadata().getGeneration()).isEqualTo(4L);
    assertThat(slim.getMetadata().getResourceVersion()).isEqualTo("812");
    assertThat(slim.getMetadata().getLabels()).isEqualTo(Map.of("app", "checkout"));
  }

  @Test
  void poolDeliveriesReadTheSamePool() {
    var env = new EnvPoolDelivery(null, "app", "DB_POOL_SIZE");
    var annotation = new AnnotationPoolDelivery(null, "headroom.dev/pool");
    assertThat(env.desiredPool(slim)).hasValue(12).isEqualTo(env.desiredPool(full));
    assertThat(annotation.desiredPool(slim)).hasValue(12).isEqualTo(annotation.desiredPool(full));
  }

  @Test
  void containersKeepTheirOrderAndWholeEnvSoPatchIndexesStayRight() {
    List<Map<String, Object>> fullContainers = full.get("spec", "template", "spec", "containers");
    List<Map<String, Object>> slimContainers = slim.get("spec", "template", "spec", "containers");
    assertThat(slimContainers).hasSameSizeAs(fullContainers);
    for (int i = 0; i < fullContainers.size(); i++) {
      assertThat(slimContainers.get(i).get("name")).isEqualTo(fullContainers.get(i).get("name"));
      assertThat(slimContainers.get(i).get("env")).isEqualTo(fullContainers.get(i).get("env"));
      assertThat(slimContainers.get(i)).doesNotContainKeys("image", "resources", "readinessProbe");
    }
  }

  @Test
  void dropsWhatNoRoundReads() {
    assertThat(slim.getMetadata().getManagedFields()).isNullOrEmpty();
    assertThat(slim.getMetadata().getOwnerReferences()).isNullOrEmpty();
    assertThat(slim.getMetadata().getAnnotations())
        .containsOnlyKeys("team")
        .doesNotContainKey(SlimMetadata.LAST_APPLIED);
    assertThat((Object) slim.get("spec", "template", "spec", "volumes")).isNull();
    assertThat((Object) slim.get("spec", "template", "metadata", "labels")).isNull();
    assertThat((Object) slim.get("status", "conditions")).isNull();
    assertThat((Object) slim.get("status", "updatedReplicas")).isEqualTo(2);
  }

  @Test
  void aTargetWithoutSpecOrStatusStaysReadable() {
    GenericKubernetesResource bare =
        JSON.unmarshal(
            "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db, namespace: x}\n",
            GenericKubernetesResource.class);
    GenericKubernetesResource slimBare = SlimTarget.of(bare);
    assertThat((Object) slimBare.get("spec", "replicas")).isNull();
    assertThat(WorkloadReader.maxSurgeOf(slimBare)).isEqualTo(0);
    assertThat(WorkloadReader.rolling(slimBare)).isTrue();
  }

  @Test
  void statusChangesAreSeenButConditionOnlyChangesAreNot() {
    GenericKubernetesResource moved = JSON.unmarshal(DEPLOYMENT, GenericKubernetesResource.class);
    ((Map<String, Object>) moved.getAdditionalProperties().get("status")).put("readyReplicas", 4);
    GenericKubernetesResource reworded =
        JSON.unmarshal(
            DEPLOYMENT.replace("message: going", "message: still going"),
            GenericKubernetesResource.class);
    assertThat((Object) SlimTarget.of(moved).get("status")).isNotEqualTo(slim.get("status"));
    assertThat((Object) SlimTarget.of(reworded).get("status")).isEqualTo(slim.get("status"));
  }

  @Test
  void keptCollectionsAreImmutableCopiesNotTheReadersLinkedMaps() {
    Map<String, Object> spec = slim.get("spec");
    Map<String, Object> status = slim.get("status");
    List<Map<String, Object>> containers = slim.get("spec", "template", "spec", "containers");
    for (Object kept : List.of(spec, status, spec.get("strategy"), containers.get(1))) {
      assertThat(kept).isNotInstanceOf(LinkedHashMap.class);
    }
    assertThatThrownBy(() -> spec.put("replicas", 9))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> containers.get(1).put("name", "x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(slim.getMetadata().getLabels()).isNotInstanceOf(LinkedHashMap.class);
  }

  @Test
  void jsonNullsAreLeftOutAsTheApiServerReadsThemAsAbsent() {
    GenericKubernetesResource withNulls =
        SlimTarget.of(
            JSON.unmarshal(
                DEPLOYMENT.replace(
                    "strategy: {type: RollingUpdate,", "strategy: {type: null, extra: null,"),
                GenericKubernetesResource.class));
    assertThat((Map<String, Object>) withNulls.get("spec", "strategy"))
        .containsOnlyKeys("rollingUpdate");
    assertThat(WorkloadReader.maxSurgeOf(withNulls)).isEqualTo("25%");
  }
}
