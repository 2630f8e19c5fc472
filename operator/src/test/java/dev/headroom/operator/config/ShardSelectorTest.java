package dev.headroom.operator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ShardSelectorTest {

  private static final String SETTING = "headroom.shard.selector";

  static Stream<Arguments> valid() {
    return Stream.of(
        Arguments.of("equality", "headroom.dev/shard=a", "headroom.dev/shard=a"),
        Arguments.of("double equals, spaces", " headroom.dev/shard == a ", "headroom.dev/shard==a"),
        Arguments.of("inequality", "tier!=batch", "tier!=batch"),
        Arguments.of("set", "headroom.dev/shard in (a, b)", "headroom.dev/shard in (a,b)"),
        Arguments.of("not in set", "shard notin (c)", "shard notin (c)"),
        Arguments.of("exists and not exists", "shard, !legacy", "shard,!legacy"),
        Arguments.of("several", "shard=a,team in (x,y),!legacy", "shard=a,team in (x,y),!legacy"),
        Arguments.of("empty value", "shard=", "shard="));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("valid")
  void validSelectorsAreKeptAsTheApiServerReadsThem(String name, String given, String expression) {
    assertThat(ShardSelector.parse(SETTING, given).expression()).isEqualTo(expression);
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("blank", "  ", "is empty"),
        Arguments.of("trailing comma", "shard=a,", "an empty requirement"),
        Arguments.of("bad key", "-shard=a", "the label key '-shard' is not a valid label name"),
        Arguments.of(
            "bad prefix", "Headroom.dev/shard=a", "prefix 'Headroom.dev' is not a DNS subdomain"),
        Arguments.of("bad value", "shard=a b", "'shard=a b' is not"),
        Arguments.of("value too long", "shard=" + "a".repeat(64), "the label value"),
        Arguments.of("unbalanced", "shard in (a,b", "unbalanced parentheses"),
        Arguments.of("empty set", "shard in ()", "lists no values"),
        Arguments.of("an operator alone", "=a", "is not k=v"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("invalid")
  void invalidSelectorsAreRefusedNamingTheSetting(String name, String given, String why) {
    assertThatThrownBy(() -> ShardSelector.parse(SETTING, given))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(SETTING + " is ")
        .hasMessageContaining(why);
  }

  static Stream<Arguments> matching() {
    return Stream.of(
        Arguments.of("equal", "shard=a", Map.of("shard", "a"), true),
        Arguments.of("other value", "shard=a", Map.of("shard", "b"), false),
        Arguments.of("no label", "shard=a", Map.of(), false),
        Arguments.of("not equal, absent", "shard!=a", Map.of(), true),
        Arguments.of("in", "shard in (a,b)", Map.of("shard", "b"), true),
        Arguments.of("notin", "shard notin (a,b)", Map.of("shard", "b"), false),
        Arguments.of("exists", "shard", Map.of("shard", ""), true),
        Arguments.of("not exists", "!shard", Map.of("shard", "a"), false),
        Arguments.of("all must hold", "shard=a,team=x", Map.of("shard", "a", "team", "y"), false));
  }

  @ParameterizedTest(name = "{0}: {1} on {2} is {3}")
  @MethodSource("matching")
  void matchesAsTheApiServerDoes(
      String name, String selector, Map<String, String> labels, boolean expected) {
    assertThat(ShardSelector.parse(SETTING, selector).matches(labels)).isEqualTo(expected);
  }
}
