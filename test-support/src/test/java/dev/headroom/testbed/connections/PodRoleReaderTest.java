package dev.headroom.testbed.connections;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PodRoleReaderTest {

  private final PodRoleReader reader = new PodRoleReader("DB_USER", "app");

  @ParameterizedTest(name = "DB_USER {0} -> {1}")
  @CsvSource(nullValues = "-", value = {
      "orders, orders",
      "' orders ', orders",
      "'', app",        // blank: no role named, the default applies
      "-, app"})
  void readsTheRoleFromTheVariableOfAnyContainerElseTheDefault(String env, String expected) {
    PodBuilder b = new PodBuilder().withNewMetadata().withName("p").endMetadata()
        .withNewSpec().addNewContainer().withName("sidecar").endContainer()
        .addNewContainer().withName("app").endContainer().endSpec();
    if (env != null) {
      b.editSpec().editLastContainer().addNewEnv().withName("DB_USER").withValue(env).endEnv()
          .endContainer().endSpec();
    }
    assertThat(reader.role(b.build())).isEqualTo(expected);
  }
}
