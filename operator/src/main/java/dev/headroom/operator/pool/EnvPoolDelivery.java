package dev.headroom.operator.pool;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Pool size as an environment variable of one container of the pod template. A change rolls the
 * pods, so old and new pool sizes coexist until the rollout ends.
 */
public final class EnvPoolDelivery implements PoolDelivery {

  private final KubernetesClient client;
  private final String container;
  private final String envName;

  public EnvPoolDelivery(KubernetesClient client, String container, String envName) {
    this.client = client;
    this.container = container;
    this.envName = envName;
  }

  @Override
  public OptionalInt desiredPool(GenericKubernetesResource target) {
    List<Map<String, Object>> containers = target.get("spec", "template", "spec", "containers");
    int c = indexByName(containers, container);
    if (c < 0) {
      return OptionalInt.empty();
    }
    List<Map<String, Object>> env = asList(containers.get(c).get("env"));
    int e = indexByName(env, envName);
    return e < 0 ? OptionalInt.empty() : PoolParsing.parse(env.get(e).get("value"));
  }

  @Override
  public OptionalInt podPool(Pod pod, OptionalInt desiredPool) {
    for (Container c : pod.getSpec().getContainers()) {
      if (container.equals(c.getName()) && c.getEnv() != null) {
        for (EnvVar var : c.getEnv()) {
          if (envName.equals(var.getName())) {
            return PoolParsing.parse(var.getValue());
          }
        }
      }
    }
    return OptionalInt.empty();
  }

  @Override
  public boolean restartsPods() {
    return true;
  }

  @Override
  public void apply(GenericKubernetesResource target, int pool) {
    List<Map<String, Object>> containers = target.get("spec", "template", "spec", "containers");
    int c = indexByName(containers, container);
    if (c < 0) {
      throw new IllegalStateException(
          "container "
              + container
              + " not found in the pod template of "
              + target.getKind()
              + " "
              + target.getMetadata().getName());
    }
    List<Map<String, Object>> env = asList(containers.get(c).get("env"));
    int e = indexByName(env, envName);
    String base = "/spec/template/spec/containers/" + c;
    ArrayNode ops = JsonNodeFactory.instance.arrayNode();
    ops.add(op("test", base + "/name", container));
    if (env.isEmpty() && containers.get(c).get("env") == null) {
      ObjectNode add = op("add", base + "/env", null);
      add.putArray("value").addObject().put("name", envName).put("value", Integer.toString(pool));
      ops.add(add);
    } else if (e < 0) {
      ObjectNode add = op("add", base + "/env/-", null);
      add.putObject("value").put("name", envName).put("value", Integer.toString(pool));
      ops.add(add);
    } else {
      ops.add(op("test", base + "/env/" + e + "/name", envName));
      ops.add(op("replace", base + "/env/" + e + "/value", Integer.toString(pool)));
    }
    client
        .genericKubernetesResources(target.getApiVersion(), target.getKind())
        .inNamespace(target.getMetadata().getNamespace())
        .withName(target.getMetadata().getName())
        .patch(PatchContext.of(PatchType.JSON), ops.toString());
  }

  @Override
  public String describe() {
    return "env " + envName + " of container " + container;
  }

  private static ObjectNode op(String op, String path, String value) {
    ObjectNode node = JsonNodeFactory.instance.objectNode().put("op", op).put("path", path);
    if (value != null) {
      node.put("value", value);
    }
    return node;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> asList(Object value) {
    return value == null ? List.of() : (List<Map<String, Object>>) value;
  }

  private static int indexByName(List<Map<String, Object>> items, String name) {
    if (items == null) {
      return -1;
    }
    for (int i = 0; i < items.size(); i++) {
      if (name.equals(items.get(i).get("name"))) {
        return i;
      }
    }
    return -1;
  }
}
