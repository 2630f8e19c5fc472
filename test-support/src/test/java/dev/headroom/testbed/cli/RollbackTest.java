package dev.headroom.testbed.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.headroom.testbed.components.Layout;
import dev.headroom.testbed.components.Teardown;
import dev.headroom.testbed.process.DaemonLauncher;
import dev.headroom.testbed.process.Daemons;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts real {@code sleep} processes as the test bed starts its daemons. */
class RollbackTest {

  @TempDir Path state;

  @Test
  void aFailedStepStopsWhatTheStepsStartedAndRemovesTheControlPlaneState() throws IOException {
    Layout layout = new Layout(state);
    Daemons daemons = new Daemons(layout.run());
    DaemonLauncher launcher = new DaemonLauncher(layout.run(), layout.logs());
    Path sleep = Path.of("/bin/sleep");
    Files.createDirectories(layout.pki());
    Files.writeString(layout.kubeconfig(), "");

    assertThatThrownBy(
            () ->
                new Rollback(launcher, daemons, new Teardown(layout, daemons))
                    .run(
                        () -> {
                          launcher.start("etcd", sleep, List.of(sleep.toString(), "60"));
                          launcher.start("kwok", sleep, List.of(sleep.toString(), "60"));
                          assertThat(daemons.alive("etcd")).isTrue();
                          assertThat(daemons.alive("kwok")).isTrue();
                          throw new IllegalStateException("kwok did not become ready");
                        }))
        .hasMessage("kwok did not become ready");

    assertThat(daemons.recorded("etcd")).isFalse();
    assertThat(daemons.recorded("kwok")).isFalse();
    assertThat(layout.pki()).doesNotExist();
    assertThat(layout.kubeconfig()).doesNotExist();
    assertThatThrownBy(() -> launcher.start("prometheus", sleep, List.of(sleep.toString(), "1")))
        .hasMessageContaining("not starting prometheus");
  }

  @Test
  void finishedStepsKeepWhatTheyStarted() {
    Layout layout = new Layout(state);
    Daemons daemons = new Daemons(layout.run());
    DaemonLauncher launcher = new DaemonLauncher(layout.run(), layout.logs());
    Path sleep = Path.of("/bin/sleep");
    try {
      new Rollback(launcher, daemons, new Teardown(layout, daemons))
          .run(() -> launcher.start("kwok", sleep, List.of(sleep.toString(), "60")));
      assertThat(daemons.alive("kwok")).isTrue();
      assertThat(launcher.started()).containsExactly("kwok");
    } finally {
      daemons.stop("kwok");
    }
    assertThat(daemons.recorded("kwok")).isFalse();
  }
}
