package dev.headroom.testbed.cli;

import dev.headroom.testbed.TestBedException;
import dev.headroom.testbed.components.Binaries;
import dev.headroom.testbed.components.Console;
import dev.headroom.testbed.components.EnvExports;
import dev.headroom.testbed.components.Layout;
import dev.headroom.testbed.components.StatusReport;
import dev.headroom.testbed.components.Teardown;
import dev.headroom.testbed.controlplane.CoreState;
import dev.headroom.testbed.pki.ClusterCredentials;
import dev.headroom.testbed.process.Daemons;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The test bed's commands that {@code scripts/testbed} runs in Java: {@code up-core} (the control
 * plane), {@code status}, {@code env}, {@code down}, and {@code pki SERVER} (certificates and
 * kubeconfigs for a control plane about to start). The script passes the state dir, the pinned
 * versions and the paths of the binaries it built as system properties {@code testbed.*} (see
 * {@link Binaries}).
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    int exit;
    try {
      exit = run(List.of(args));
    } catch (TestBedException | IllegalArgumentException | UncheckedIOException e) {
      System.err.println("testbed: " + e.getMessage());
      exit = 1;
    }
    System.exit(exit);
  }

  static int run(List<String> args) {
    if (args.isEmpty()) {
      throw new IllegalArgumentException(
          "usage: Main up-core|require-up|status|env|down|pki SERVER");
    }
    Layout layout = new Layout(Path.of(property("testbed.state")));
    Daemons daemons = new Daemons(layout.run());
    Console console = Console.from(System.getenv(), System.err);
    switch (args.get(0)) {
      case "up-core":
        new Up(
                layout,
                Binaries.from(System::getProperty),
                System.getenv(),
                console,
                Clock.systemUTC())
            .core();
        return 0;
      case "require-up":
        if (CoreState.detect(layout, daemons) != CoreState.UP) {
          throw new TestBedException("the test bed is not up; run 'scripts/testbed up' first");
        }
        return 0;
      case "status":
        return StatusReport.print(daemons, System.out) ? 0 : 1;
      case "env":
        EnvExports.print(layout, daemons, property("testbed.kube.version"), System.out);
        return 0;
      case "down":
        List<String> stopped = new Teardown(layout, daemons).stopAll();
        console.info(
            stopped.isEmpty() ? "nothing was running" : "stopped " + String.join(", ", stopped));
        return 0;
      case "pki":
        if (args.size() != 2) {
          throw new IllegalArgumentException("usage: Main pki https://127.0.0.1:PORT");
        }
        ClusterCredentials.write(layout, args.get(1));
        return 0;
      default:
        throw new IllegalArgumentException("unknown command '" + args.get(0) + "'");
    }
  }

  private static String property(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isEmpty()) {
      throw new TestBedException(
          "system property " + name + " is not set; run the test bed through scripts/testbed");
    }
    return value;
  }
}
