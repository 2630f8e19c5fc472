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
  private ConfigMap read;

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
    read = client.configMaps().inNamespace(namespace).withName(name).get();
    return read == null || read.getData() == null
        ? OptionalInt.empty()
        : PoolParsing.parse(read.getData().get(key));
  }

  @Override
  public OptionalInt podPool(Pod pod, OptionalInt desiredPool) {
    OptionalInt from = settlingFrom();
    if (from.isPresent() && (desiredPool.isEmpty() || from.getAsInt() > desiredPool.getAsInt())) {
      return from;
    }
    return desiredPool;
  }

  @Override
  public boolean settling() {
    return settlingFrom().isPresent();
  }

  /**
   * The larger pool pods may still run: the one noted on the ConfigMap, while the change is younger
   * than the apply time. Without a readable note the change counts as applied, which is also how an
   * administrator who knows the pods applied it confirms early: by removing the note.
   */
  OptionalInt settlingFrom() {
    Map<String, String> annotations = read == null ? null : read.getMetadata().getAnnotations();
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
    if (read == null) {
      desiredPool(target);
    }
    int running =
        Math.max(
            read == null || read.getData() == null
                ? 0
                : PoolParsing.parse(read.getData().get(key)).orElse(0),
            settlingFrom().orElse(0));
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
    read =
        client
            .configMaps()
            .inNamespace(namespace)
            .withName(name)
            .patch(PatchContext.of(PatchType.JSON_MERGE), patch.toString());
  }

  @Override
  public String describe() {
    return "key " + key + " of ConfigMap " + name;
  }
}
