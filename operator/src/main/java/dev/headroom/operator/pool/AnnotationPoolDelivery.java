package dev.headroom.operator.pool;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Pool size as an annotation of the pod template (read by the application through the downward
 * API). Changing a template annotation rolls the pods, so it is counted as a rollout.
 */
public final class AnnotationPoolDelivery implements PoolDelivery {

  private final KubernetesClient client;
  private final String key;

  public AnnotationPoolDelivery(KubernetesClient client, String key) {
    this.client = client;
    this.key = key;
  }

  @Override
  public OptionalInt desiredPool(GenericKubernetesResource target) {
    Map<String, Object> annotations = target.get("spec", "template", "metadata", "annotations");
    return annotations == null ? OptionalInt.empty() : PoolParsing.parse(annotations.get(key));
  }

  @Override
  public OptionalInt podPool(Pod pod, OptionalInt desiredPool) {
    Map<String, String> annotations = pod.getMetadata().getAnnotations();
    return annotations == null ? OptionalInt.empty() : PoolParsing.parse(annotations.get(key));
  }

  @Override
  public boolean restartsPods() {
    return true;
  }

  @Override
  public void apply(GenericKubernetesResource target, int pool) {
    String patch =
        "{\"spec\":{\"template\":{\"metadata\":{\"annotations\":{"
            + quote(key)
            + ":"
            + quote(Integer.toString(pool))
            + "}}}}}";
    client
        .genericKubernetesResources(target.getApiVersion(), target.getKind())
        .inNamespace(target.getMetadata().getNamespace())
        .withName(target.getMetadata().getName())
        .patch(PatchContext.of(PatchType.JSON_MERGE), patch);
  }

  @Override
  public String describe() {
    return "pod-template annotation " + key;
  }

  private static String quote(String text) {
    return com.fasterxml.jackson.databind.node.TextNode.valueOf(text).toString();
  }
}
