package dev.headroom.operator.pool;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.OptionalInt;

/**
 * Pool size as a key of a ConfigMap the application watches and applies live: no rollout, every pod
 * runs the value in the ConfigMap.
 */
public final class ConfigMapPoolDelivery implements PoolDelivery {

  private final KubernetesClient client;
  private final String namespace;
  private final String name;
  private final String key;

  public ConfigMapPoolDelivery(KubernetesClient client, String namespace, String name, String key) {
    this.client = client;
    this.namespace = namespace;
    this.name = name;
    this.key = key;
  }

  @Override
  public OptionalInt desiredPool(GenericKubernetesResource target) {
    ConfigMap map = client.configMaps().inNamespace(namespace).withName(name).get();
    return map == null || map.getData() == null
        ? OptionalInt.empty()
        : PoolParsing.parse(map.getData().get(key));
  }

  @Override
  public OptionalInt podPool(Pod pod, OptionalInt desiredPool) {
    return desiredPool;
  }

  @Override
  public boolean restartsPods() {
    return false;
  }

  @Override
  public void apply(GenericKubernetesResource target, int pool) {
    String patch =
        "{\"data\":{"
            + com.fasterxml.jackson.databind.node.TextNode.valueOf(key)
            + ":\""
            + pool
            + "\"}}";
    client
        .configMaps()
        .inNamespace(namespace)
        .withName(name)
        .patch(PatchContext.of(PatchType.JSON_MERGE), patch);
  }

  @Override
  public String describe() {
    return "key " + key + " of ConfigMap " + name;
  }
}
