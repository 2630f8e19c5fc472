package dev.headroom.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

class OperatorExtensionTest {

  @WithOperator(
      log = "operator-x",
      env = {"HEADROOM_CLOCK_START=2027-03-29T06:49:00Z", "HEADROOM_EMPTY=", "A=b=c"})
  static class Declared {}

  @WithOperator(log = "operator-x", env = "HEADROOM_PROMETHEUS_TIMEOUT")
  static class NoValue {}

  @Test
  void envEntriesSplitAtTheFirstEqualsSign() {
    assertThat(OperatorExtension.env(Declared.class.getAnnotation(WithOperator.class)))
        .containsExactly(
            java.util.Map.entry("HEADROOM_CLOCK_START", "2027-03-29T06:49:00Z"),
            java.util.Map.entry("HEADROOM_EMPTY", ""),
            java.util.Map.entry("A", "b=c"));
  }

  @Test
  void anEntryWithoutAValueIsAConfigurationError() {
    assertThatThrownBy(() -> OperatorExtension.env(NoValue.class.getAnnotation(WithOperator.class)))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage("@WithOperator env entry 'HEADROOM_PROMETHEUS_TIMEOUT' is not NAME=value");
  }
}
