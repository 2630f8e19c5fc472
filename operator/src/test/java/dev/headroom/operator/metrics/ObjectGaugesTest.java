package dev.headroom.operator.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prometheus.client.Collector.MetricFamilySamples;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObjectGaugesTest {

  private final ObjectGauges gauges = new ObjectGauges();

  @Test
  void aSeriesIsSetAgainInPlaceAndReadBackByItsLabelValues() {
    ObjectGauges.Family pool = gauges.family("pool", "pool per pod", "namespace", "policy");
    pool.set(5, "shop", "checkout");
    pool.set(7, "shop", "checkout");
    pool.set(3, "shop", "catalog");

    assertThat(pool.size()).isEqualTo(2);
    assertThat(pool.get("shop", "checkout")).isEqualTo(7.0);
    assertThat(pool.get("shop", "nobody")).isNull();
    MetricFamilySamples family = gauges.collect().get(0);
    assertThat(family.name).isEqualTo("pool");
    assertThat(family.type).isEqualTo(io.prometheus.client.Collector.Type.GAUGE);
    assertThat(family.samples)
        .extracting(s -> s.labelValues + "=" + s.value)
        .containsExactlyInAnyOrder("[shop, checkout]=7.0", "[shop, catalog]=3.0");
    assertThat(family.samples)
        .allSatisfy(s -> assertThat(s.labelNames).containsExactly("namespace", "policy"));
  }

  @Test
  void aFamilyWithoutSeriesIsNotServed() {
    ObjectGauges.Family a = gauges.family("a", "a", "x");
    gauges.family("b", "b", "x");
    a.set(1, "1");
    a.removeIf(labels -> labels.get(0).equals("1"));

    assertThat(gauges.collect()).isEmpty();
  }

  @Test
  void removeIfMatchesLabelValuesInTheFamilysOrder() {
    ObjectGauges.Family grants = gauges.family("g", "g", "namespace", "budget", "policy");
    grants.set(1, "shop", "pg", "a");
    grants.set(2, "shop", "pg", "b");
    grants.set(3, "shop", "other", "a");

    grants.removeIf(l -> l.get(1).equals("pg") && !List.of("b").contains(l.get(2)));

    assertThat(grants.size()).isEqualTo(2);
    assertThat(grants.get("shop", "pg", "b")).isEqualTo(2.0);
    assertThat(grants.get("shop", "other", "a")).isEqualTo(3.0);
  }

  @Test
  void labelValuesMustMatchTheLabelNames() {
    ObjectGauges.Family pool = gauges.family("pool", "pool", "namespace", "policy");
    assertThatThrownBy(() -> pool.set(1, "shop"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pool has labels [namespace, policy], got 1 values");
  }

  @Test
  void aNameServesOneFamily() {
    gauges.family("pool", "pool", "namespace");
    assertThatThrownBy(() -> gauges.family("pool", "again", "namespace"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exists already");
  }
}
