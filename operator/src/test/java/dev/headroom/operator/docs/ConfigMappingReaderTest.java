package dev.headroom.operator.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigMappingReaderTest {

  static final Path TEST_SOURCES = CrdSchema.repoRoot().resolve("operator/src/test/java");

  /** A sample mapping. */
  @ConfigMapping(prefix = "sample")
  interface Sample {
    /** How often, see {@code sample.nested.limit}, with a | in it. */
    @WithDefault("15s")
    Duration pollPeriod();

    /** Spread over two lines. */
    Optional<String> endpointUrl();

    @WithDefault("3")
    int undocumented();

    /** Named by hand. */
    @WithName("on")
    @WithDefault("true")
    boolean enabled();

    Nested nested();

    /** A nested group, {@link Sample}'s part. */
    interface Nested {
      /** Largest count. */
      @WithDefault("4194304")
      long limit();
    }
  }

  @ConfigMapping(prefix = "bad")
  interface WithAMap {
    /** Not a value. */
    Map<String, String> labels();
  }

  final ConfigMappingReader reader = new ConfigMappingReader(TEST_SOURCES);

  @Test
  void readsNamesAsSmallRyeConfigDerivesThemOneSectionPerGroup() {
    List<ConfigSection> sections = reader.sections(Sample.class);

    assertThat(sections)
        .extracting(ConfigSection::prefix)
        .containsExactly("sample", "sample.nested");
    assertThat(sections.get(0).settings())
        .extracting(ConfigSetting::name)
        .containsExactly(
            "sample.endpoint-url", "sample.on", "sample.poll-period", "sample.undocumented");
    assertThat(sections.get(0).intro()).isEqualTo("A sample mapping.");
    assertThat(sections.get(1).intro()).isEqualTo("A nested group, `Sample`'s part.");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      nullValues = "-",
      value = {
        "sample.poll-period; duration; 15s; How often, see `sample.nested.limit`, with a \\| in it.",
        "sample.endpoint-url; string; -; Spread over two lines.",
        "sample.undocumented; integer; 3; ''",
        "sample.on; boolean; true; Named by hand.",
        "sample.nested.limit; integer; 4194304; Largest count.",
      })
  void readsKindDefaultAndMeaning(String name, String kind, String defaultValue, String meaning) {
    ConfigSetting setting =
        reader.sections(Sample.class).stream()
            .flatMap(s -> s.settings().stream())
            .filter(s -> s.name().equals(name))
            .findFirst()
            .orElseThrow();

    assertThat(setting)
        .isEqualTo(
            new ConfigSetting(
                name, kind, Optional.ofNullable(defaultValue), meaning == null ? "" : meaning));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "headroom.sync-period, HEADROOM_SYNC_PERIOD",
    "headroom.prometheus.circuit-breaker.open-for, HEADROOM_PROMETHEUS_CIRCUIT_BREAKER_OPEN_FOR",
    "headroom.timeline.rounds-per-policy, HEADROOM_TIMELINE_ROUNDS_PER_POLICY",
  })
  void environmentVariableFollowsSmallRyeConfigsRule(String name, String variable) {
    assertThat(new ConfigSetting(name, "string", Optional.empty(), "").environmentVariable())
        .isEqualTo(variable);
  }

  @Test
  void refusesWhatItCannotDescribe() {
    assertThatThrownBy(() -> reader.sections(WithAMap.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bad.labels: only values and groups are supported, not maps or collections");
    assertThatThrownBy(() -> reader.sections(Sample.Nested.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not a @ConfigMapping");
  }
}
