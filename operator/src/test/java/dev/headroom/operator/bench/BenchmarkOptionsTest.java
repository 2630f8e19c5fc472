package dev.headroom.operator.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchmarkOptionsTest {

  @Test
  void defaultsAreOneThousandPoliciesAtTheChartsSyncPeriod() {
    var o = BenchmarkOptions.parse(new String[0]);
    assertThat(o.policies()).containsExactly(1000);
    assertThat(o.syncPeriod()).isEqualTo("15s");
    assertThat(o.writeDocs()).isTrue();
    assertThat(o.jfr()).isFalse();
    assertThat(o.memoryLimit()).isEqualTo("512m");
    assertThat(o.xmx()).isNull();
  }

  @Test
  void readsEveryOption() {
    var o =
        BenchmarkOptions.parse(
            new String[] {
              "--policies",
              "1000,10000",
              "--sync-period",
              "30s",
              "--xmx",
              "2g",
              "--memory-limit",
              "768m",
              "--window",
              "2m",
              "--settle",
              "10s",
              "--no-docs",
              "--jfr"
            });
    assertThat(o.jfr()).isTrue();
    assertThat(o.policies()).isEqualTo(List.of(1000, 10000));
    assertThat(o.syncPeriod()).isEqualTo("30s");
    assertThat(o.xmx()).isEqualTo("2g");
    assertThat(o.memoryLimit()).isEqualTo("768m");
    assertThat(o.window()).isEqualTo(Duration.ofMinutes(2));
    assertThat(o.settle()).isEqualTo(Duration.ofSeconds(10));
    assertThat(o.writeDocs()).isFalse();
  }

  @Test
  void badInputIsRefusedWithTheOptionNamed() {
    assertThatThrownBy(() -> BenchmarkOptions.parse(new String[] {"--policies", "1k"}))
        .hasMessageContaining("--policies")
        .hasMessageContaining("'1k'");
    assertThatThrownBy(() -> BenchmarkOptions.parse(new String[] {"--policies", "5"}))
        .hasMessageContaining("10..100000");
    assertThatThrownBy(() -> BenchmarkOptions.parse(new String[] {"--window"}))
        .hasMessageContaining("--window needs a value");
    assertThatThrownBy(() -> BenchmarkOptions.parse(new String[] {"--window", "soon"}))
        .hasMessageContaining("not a duration");
    assertThatThrownBy(() -> BenchmarkOptions.parse(new String[] {"--window", "0s"}))
        .hasMessageContaining("longer than 0s");
    assertThatThrownBy(() -> BenchmarkOptions.parse(new String[] {"--xmx", "lots"}))
        .hasMessageContaining("--xmx");
    assertThatThrownBy(() -> BenchmarkOptions.parse(new String[] {"--memory-limit", "512Mi"}))
        .hasMessageContaining("--memory-limit must look like 512m or 2g, got '512Mi'");
    assertThatThrownBy(() -> BenchmarkOptions.parse(new String[] {"--fast"}))
        .hasMessageContaining("unknown option '--fast'");
  }
}
