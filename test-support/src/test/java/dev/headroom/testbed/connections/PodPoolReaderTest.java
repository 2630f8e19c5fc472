package dev.headroom.testbed.connections;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PodPoolReaderTest {

  private final PodPoolReader reader = new PodPoolReader("DB_POOL_SIZE", "headroom.dev/pool-size");

  private static PodBuilder pod(String env, String annotation, String phase) {
    PodBuilder b =
        new PodBuilder()
            .withNewMetadata()
            .withName("p")
            .withUid("u")
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName("sidecar")
            .endContainer()
            .addNewContainer()
            .withName("app")
            .endContainer()
            .endSpec()
            .withNewStatus()
            .withPhase(phase)
            .endStatus();
    if (env != null) {
      b.editSpec()
          .editLastContainer()
          .addNewEnv()
          .withName("DB_POOL_SIZE")
          .withValue(env)
          .endEnv()
          .endContainer()
          .endSpec();
    }
    if (annotation != null) {
      b.editMetadata().addToAnnotations("headroom.dev/pool-size", annotation).endMetadata();
    }
    return b;
  }

  @ParameterizedTest(name = "env {0}, annotation {1} -> {2}")
  @CsvSource(
      nullValues = "-",
      value = {
        "7, -, 7",
        "7, 3, 7", // the variable wins, as only one delivery writes a pod's pool
        "-, 3, 3",
        "' 12 ', -, 12",
        "0, -, -",
        "-4, -, -",
        "lots, -, -",
        "-, -, -"
      })
  void readsThePoolFromTheVariableElseTheAnnotation(
      String env, String annotation, Integer expected) {
    OptionalInt pool = reader.pool(pod(env, annotation, "Running").build());
    assertThat(pool).isEqualTo(expected == null ? OptionalInt.empty() : OptionalInt.of(expected));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"Running, true", "Pending, false", "Succeeded, false", "Failed, false"})
  void holdsOnlyWhileRunning(String phase, boolean holds) {
    assertThat(PodPoolReader.holds(pod("5", null, phase).build())).isEqualTo(holds);
  }

  @Test
  void aTerminatingPodHoldsNoMore() {
    Pod pod =
        pod("5", null, "Running")
            .editMetadata()
            .withDeletionTimestamp("2026-01-01T00:00:00Z")
            .endMetadata()
            .build();
    assertThat(PodPoolReader.holds(pod)).isFalse();
  }
}
