package dev.headroom.operator.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsTextTest {

  private static final String TEXT =
      """
      # HELP jvm_memory_used_bytes used
      # TYPE jvm_memory_used_bytes gauge
      jvm_memory_used_bytes{area="heap",id="G1 Eden Space"} 1.5E7
      jvm_memory_used_bytes{area="heap",id="G1 Old Gen"} 5000000.0
      jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 9.0E7
      apiserver_flowcontrol_dispatched_requests_total{flow_schema="headroom-bench",priority_level="workload-low"} 42
      apiserver_flowcontrol_dispatched_requests_total{flow_schema="global-default",priority_level="global-default"} 7
      odd{label="a \\"quoted\\", value"} 3 1700000000000
      plain_total 12
      """;

  @Test
  void sumsTheSamplesThatCarryTheGivenLabels() {
    MetricsText m = MetricsText.parse(TEXT);
    assertThat(m.sum("jvm_memory_used_bytes", Map.of("area", "heap"))).isEqualTo(2.0e7);
    assertThat(
            m.sum(
                "apiserver_flowcontrol_dispatched_requests_total",
                Map.of("flow_schema", "headroom-bench")))
        .isEqualTo(42);
    assertThat(m.sum("odd", Map.of("label", "a \"quoted\", value"))).isEqualTo(3);
    assertThat(m.sum("plain_total", Map.of())).isEqualTo(12);
    assertThat(m.sum("missing", Map.of())).isZero();
  }
}
