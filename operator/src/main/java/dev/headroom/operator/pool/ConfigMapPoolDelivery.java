package dev.headroom.operator.pool;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Pool size as a key of a ConfigMap the application watches and applies live: no rollout. A new
 * size reaches the pods only when the kubelet has synced the mounted file and the application has
 * reloaded it, and nothing in the cluster says when that happened. So a shrink is confirmed by
 * time: Headroom notes on the ConfigMap the larger size it replaces ({@value #SETTLING_FROM}) and
 * when ({@value #CHANGED_AT}), and until {@code applyTime} has passed every pod counts at that
 * larger size. The budget therefore frees the difference, and the workload grows, only after the
 * pods shrank (shrink, confirm, grow, as a rollout does for the template deliveries).
 */
public final class ConfigMapPoolDelivery implements PoolDelivery {

  /** The largest pool pods may still run while a smaller one is being applied. */
  public static final String SETTLING_FROM = "headroom.dev/pool-settling-from";

  /** When the smaller pool was written (RFC 3339). */
  public static final String CHANGED_AT = "headroom.dev/pool-changed-at";

  private final KubernetesClient client;
  private final String namespace;
  private final String name;
  private final String key;
  private final Instant now;
  private final Duration applyTime;
  // What this round read from the ConfigMap (once, in desiredPool), or wrote to it.
  private boolean read;
  private OptionalInt current = OptionalInt.empty();
  private OptionalInt settlingFrom = OptionalInt.empty();

  /**
   * @param now the round's time
   * @param applyTime how long a change takes to reach every pod
   */
  public ConfigMapPoolDelivery(
      KubernetesClient client,
      String namespace,
      String name,
      String key,
      Instant now,
      Duration applyTime) {
    this.client = client;
    this.namespace = namespace;
    this.name = name;
    this.key = key;
    this.now = now;
    this.applyTime = applyTime;
  }

  @Override
  public OptionalInt desiredPool(GenericKubernetesResource target) {
    remember(client.configMaps().inNamespace(namespace).withName(name).get());
    return current;
  }

  @Override
  public OptionalInt podPool(Pod pod, OptionalInt desiredPool) {
    if (settlingFrom.isPresent()
        && (desiredPool.isEmpty() || settlingFrom.getAsInt() > desiredPool.getAsInt())) {
      return settlingFrom;
    }
    return desiredPool;
  }

  @Override
  public boolean settling() {
    return settlingFrom.isPresent();
  }

  private void remember(ConfigMap map) {
    read = true;
    current =
        map == null || map.getData() == null
            ? OptionalInt.empty()
            : PoolParsing.parse(map.getData().get(key));
    settlingFrom = map == null ? OptionalInt.empty() : settlingFrom(map);
  }

  /**
   * The larger pool pods may still run: the one noted on the ConfigMap, while the change is younger
   * than the apply time. Without a readable note the change counts as applied, which is also how an
   * administrator who knows the pods applied it confirms early: by removing the note.
   */
  private OptionalInt settlingFrom(ConfigMap map) {
    Map<String, String> annotations = map.getMetadata().getAnnotations();
    if (annotations == null || !annotations.containsKey(SETTLING_FROM)) {
      return OptionalInt.empty();
    }
    OptionalInt from = PoolParsing.parse(annotations.get(SETTLING_FROM));
    try {
      Instant changed = Instant.parse(String.valueOf(annotations.get(CHANGED_AT)));
      return now.isBefore(changed.plus(applyTime)) ? from : OptionalInt.empty();
    } catch (DateTimeParseException e) {
      return OptionalInt.empty();
    }
  }

  @Override
  public boolean restartsPods() {
    return false;
  }

  @Override
  public void apply(GenericKubernetesResource target, int pool) {
    if (!read) {
      desiredPool(target);
    }
    int running = Math.max(current.orElse(0), settlingFrom.orElse(0));
    ObjectNode patch = JsonNodeFactory.instance.objectNode();
    ObjectNode annotations = patch.putObject("metadata").putObject("annotations");
    if (pool < running) {
      annotations.put(SETTLING_FROM, Integer.toString(running));
      annotations.put(CHANGED_AT, now.toString());
    } else {
      annotations.putNull(SETTLING_FROM);
      annotations.putNull(CHANGED_AT);
    }
    patch.putObject("data").put(key, Integer.toString(pool));
    remember(
        client
            .configMaps()
            .inNamespace(namespace)
            .withName(name)
            .patch(PatchContext.of(PatchType.JSON_MERGE), patch.toString()));
  }

  @Override
  public String describe() {
    return "key " + key + " of ConfigMap " + name;
  }
}
