package dev.headroom.testbed.connections;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PodEnvReaderTest {

  private final PodEnvReader reader = new PodEnvReader("DB_USER");

  @ParameterizedTest(name = "DB_USER {0} -> {1}")
  @CsvSource(
      nullValues = "-",
      value = {
        "orders, orders",
        "' orders ', orders",
        "'', -", // blank: the pod names none
        "-, -"
      })
  void readsTheValueFromAnyContainer(String env, String expected) {
    PodBuilder b =
        new PodBuilder()
            .withNewMetadata()
            .withName("p")
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName("sidecar")
            .endContainer()
            .addNewContainer()
            .withName("app")
            .endContainer()
            .endSpec();
    if (env != null) {
      b.editSpec()
          .editLastContainer()
          .addNewEnv()
          .withName("DB_USER")
          .withValue(env)
          .endEnv()
          .endContainer()
          .endSpec();
    }
    assertThat(reader.value(b.build())).isEqualTo(Optional.ofNullable(expected));
  }
}
