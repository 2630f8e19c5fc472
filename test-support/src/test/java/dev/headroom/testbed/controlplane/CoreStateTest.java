package dev.headroom.testbed.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.testbed.process.Daemons;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CoreStateTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "all alive and the API server ready,     5, 5, true,  true,  UP",
    "all alive but the API server not ready, 5, 5, true,  false, PARTIAL",
    "nothing recorded and no kubeconfig,     0, 0, false, false, DOWN",
    "nothing recorded but a kubeconfig,      0, 0, true,  false, PARTIAL",
    "some recorded and dead,                 0, 2, true,  false, PARTIAL",
    "some alive,                             3, 5, true,  true,  PARTIAL"
  })
  void state(
      String name, int alive, int recorded, boolean kubeconfig, boolean ready, CoreState state) {
    assertThat(CoreState.of(alive, recorded, 5, kubeconfig, () -> ready)).isEqualTo(state);
  }

  @Test
  void theApiServerIsAskedOnlyWhenAllAreAlive() {
    assertThat(
            CoreState.of(
                4,
                5,
                5,
                true,
                () -> {
                  throw new AssertionError("asked");
                }))
        .isEqualTo(CoreState.PARTIAL);
  }

  @Test
  void aPartialRunIsDescribedByWhatLivesAndWhatDied(@TempDir Path run) throws IOException {
    long self = ProcessHandle.current().pid();
    String exe =
        Path.of(ProcessHandle.current().info().command().orElseThrow()).toRealPath().toString();
    Files.writeString(run.resolve("etcd.pid"), self + "\n");
    Files.writeString(run.resolve("etcd.exe"), exe + "\n");
    Files.writeString(run.resolve("kube-apiserver.pid"), self + "\n");
    Files.writeString(run.resolve("kube-apiserver.exe"), "/not/this\n");
    Files.writeString(run.resolve("prometheus.pid"), "999999999\n");
    assertThat(CoreState.describePartial(new Daemons(run)))
        .isEqualTo("etcd alive,kube-apiserver dead,prometheus dead");
  }

  @Test
  void nothingRecordedIsNoLiveProcess(@TempDir Path run) {
    assertThat(CoreState.describePartial(new Daemons(run))).isEqualTo("no live process");
  }
}
