package dev.headroom.testbed.cli;

import dev.headroom.testbed.TestBedException;
import dev.headroom.testbed.components.Binaries;
import dev.headroom.testbed.components.Console;
import dev.headroom.testbed.components.Layout;
import dev.headroom.testbed.components.Teardown;
import dev.headroom.testbed.components.TestBedSettings;
import dev.headroom.testbed.controlplane.ControlPlane;
import dev.headroom.testbed.controlplane.CoreState;
import dev.headroom.testbed.process.Command;
import dev.headroom.testbed.process.DaemonLauncher;
import dev.headroom.testbed.process.Daemons;
import dev.headroom.testbed.process.ListeningSockets;
import dev.headroom.testbed.process.PortPicker;
import dev.headroom.testbed.process.StartupWait;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * {@code scripts/testbed up}, run under the script's state lock after the binaries are built:
 * cleans up a half-started earlier run, starts the control plane unless it is up, and rolls back
 * what it started if a step fails.
 */
final class Up {

  private final Layout layout;
  private final Daemons daemons;
  private final Binaries bin;
  private final TestBedSettings settings;
  private final Map<String, String> env;
  private final Console console;
  private final Clock clock;
  private final DaemonLauncher launcher;
  private final PortPicker ports;
  private final StartupWait wait;

  Up(Layout layout, Binaries bin, Map<String, String> env, Console console, Clock clock) {
    this.layout = layout;
    this.daemons = new Daemons(layout.run());
    this.bin = bin;
    this.settings = TestBedSettings.from(env);
    this.env = env;
    this.console = console;
    this.clock = clock;
    this.launcher = new DaemonLauncher(layout.run(), layout.logs());
    this.ports = new PortPicker(env, new ListeningSockets(), new Random());
    this.wait = new StartupWait(daemons, layout.logs(), settings.startTimeout(), clock);
  }

  /** The control plane, up when this returns. */
  void core() {
    requireTool(List.of("curl", "--version"), "curl is not installed; run scripts/install-deps");
    requireTool(List.of("ss", "-V"), "ss (iproute2) is not installed; run scripts/install-deps");
    Teardown teardown = new Teardown(layout, daemons);
    new Rollback(launcher, daemons, teardown)
        .run(
            () -> {
              CoreState state = CoreState.detect(layout, daemons);
              if (state == CoreState.UP) {
                console.info("control plane already up");
                return;
              }
              if (state == CoreState.PARTIAL) {
                console.info(
                    "found a half-started previous run ("
                        + CoreState.describePartial(daemons)
                        + "); stopping it and starting afresh");
                teardown.stopAll();
              }
              new ControlPlane(layout, bin, settings, ports, launcher, wait, console).start();
            });
  }

  private static void requireTool(List<String> command, String missing) {
    if (!Command.succeeds(command)) {
      throw new TestBedException(missing);
    }
  }
}
