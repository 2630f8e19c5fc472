package dev.headroom.operator.pool;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A ConfigMap shrink counts at the old size until the pods had time to apply it. */
@EnableKubernetesMockClient(crud = true)
class ConfigMapPoolDeliveryTest {

  private static final Instant T0 = Instant.parse("2026-12-06T12:00:00Z");
  private static final Duration APPLY = Duration.ofMinutes(2);

  KubernetesClient client;

  @BeforeEach
  void configMap() {
    client
        .configMaps()
        .inNamespace("shop")
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("pool")
                .endMetadata()
                .addToData("size", "20")
                .addToData("other", "kept")
                .build())
        .create();
  }

  private ConfigMapPoolDelivery at(Instant now) {
    return new ConfigMapPoolDelivery(client, "shop", "pool", "size", now, APPLY);
  }

  private static OptionalInt podPool(ConfigMapPoolDelivery d) {
    OptionalInt desired = d.desiredPool(null);
    return d.podPool(new Pod(), desired);
  }

  @Test
  void aShrinkCountsAtTheOldSizeUntilTheApplyTimeHasPassed() {
    at(T0).apply(null, 8);

    ConfigMap written = client.configMaps().inNamespace("shop").withName("pool").get();
    assertThat(written.getData()).containsEntry("size", "8").containsEntry("other", "kept");
    assertThat(written.getMetadata().getAnnotations())
        .containsEntry(ConfigMapPoolDelivery.SETTLING_FROM, "20")
        .containsEntry(ConfigMapPoolDelivery.CHANGED_AT, T0.toString());

    ConfigMapPoolDelivery soon = at(T0.plusSeconds(119));
    assertThat(soon.desiredPool(null)).hasValue(8);
    assertThat(podPool(soon)).hasValue(20);
    assertThat(soon.settling()).isTrue();

    ConfigMapPoolDelivery later = at(T0.plus(APPLY));
    assertThat(podPool(later)).hasValue(8);
    assertThat(later.settling()).isFalse();
  }

  @Test
  void aGrowCountsAtTheNewSizeAtOnceAndClearsTheNote() {
    at(T0).apply(null, 8);
    ConfigMapPoolDelivery grow = at(T0.plusSeconds(200));
    grow.desiredPool(null);
    grow.apply(null, 12);

    ConfigMapPoolDelivery after = at(T0.plusSeconds(201));
    assertThat(podPool(after)).hasValue(12);
    assertThat(after.settling()).isFalse();
    // The merge patch removes the note (null values); the mock server keeps them as nulls.
    java.util.Map<String, String> notes =
        client
            .configMaps()
            .inNamespace("shop")
            .withName("pool")
            .get()
            .getMetadata()
            .getAnnotations();
    if (notes != null) {
      assertThat(notes.get(ConfigMapPoolDelivery.SETTLING_FROM)).isNull();
      assertThat(notes.get(ConfigMapPoolDelivery.CHANGED_AT)).isNull();
    }
  }

  @Test
  void aSecondChangeWhileSettlingKeepsTheLargestSizePodsMayRun() {
    at(T0).apply(null, 8);
    ConfigMapPoolDelivery again = at(T0.plusSeconds(30));
    again.desiredPool(null);
    again.apply(null, 10); // above 8 but below the 20 some pods may still run

    ConfigMapPoolDelivery soon = at(T0.plusSeconds(60));
    assertThat(soon.desiredPool(null)).hasValue(10);
    assertThat(podPool(soon)).hasValue(20);
    // The window starts again at the second change: pods that had 8 must now reach 10, and those
    // still at 20 may be the slowest.
    assertThat(podPool(at(T0.plusSeconds(30).plus(APPLY).minusSeconds(1)))).hasValue(20);
    assertThat(podPool(at(T0.plusSeconds(30).plus(APPLY)))).hasValue(10);
  }

  @Test
  void aNoteRemovedOrUnreadableCountsAsApplied() {
    client
        .configMaps()
        .inNamespace("shop")
        .withName("pool")
        .edit(
            cm -> {
              cm.getMetadata()
                  .setAnnotations(
                      java.util.Map.of(
                          ConfigMapPoolDelivery.SETTLING_FROM,
                          "20",
                          ConfigMapPoolDelivery.CHANGED_AT,
                          "yesterday"));
              cm.getData().put("size", "8");
              return cm;
            });
    assertThat(podPool(at(T0))).hasValue(8);
    at(T0).apply(null, 6);
    assertThat(podPool(at(T0.plusSeconds(1)))).as("a new change notes it again").hasValue(8);
  }
}
