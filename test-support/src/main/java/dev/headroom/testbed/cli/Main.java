package dev.headroom.testbed.cli;

import dev.headroom.testbed.TestBedException;
import dev.headroom.testbed.components.EnvExports;
import dev.headroom.testbed.components.Layout;
import dev.headroom.testbed.components.StatusReport;
import dev.headroom.testbed.components.Teardown;
import dev.headroom.testbed.pki.Kubeconfig;
import dev.headroom.testbed.pki.Pki;
import dev.headroom.testbed.process.Daemons;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The test bed's commands that {@code scripts/testbed} runs in Java: {@code status}, {@code env},
 * {@code down}, and {@code pki SERVER} (certificates and kubeconfigs for a control plane about to
 * start). The script passes the state dir and the pinned Kubernetes version as the system
 * properties {@code testbed.state} and {@code testbed.kube.version}.
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
      throw new IllegalArgumentException("usage: Main status|env|down|pki SERVER");
    }
    Layout layout = new Layout(Path.of(property("testbed.state")));
    Daemons daemons = new Daemons(layout.run());
    switch (args.get(0)) {
      case "status":
        return StatusReport.print(daemons, System.out) ? 0 : 1;
      case "env":
        EnvExports.print(layout, daemons, property("testbed.kube.version"), System.out);
        return 0;
      case "down":
        List<String> stopped = new Teardown(layout, daemons).stopAll();
        if (System.getenv("TESTBED_QUIET") == null || System.getenv("TESTBED_QUIET").isEmpty()) {
          System.err.println(
              "testbed: "
                  + (stopped.isEmpty()
                      ? "nothing was running"
                      : "stopped " + String.join(", ", stopped)));
        }
        return 0;
      case "pki":
        if (args.size() != 2) {
          throw new IllegalArgumentException("usage: Main pki https://127.0.0.1:PORT");
        }
        writePki(layout, args.get(1));
        return 0;
      default:
        throw new IllegalArgumentException("unknown command '" + args.get(0) + "'");
    }
  }

  /** Fresh certificates, the admin kubeconfig and those of the controller manager and scheduler. */
  static void writePki(Layout layout, String server) {
    Pki pki = new Pki(layout.pki());
    pki.generate();
    Kubeconfig.write(layout.kubeconfig(), pki, "admin", server);
    Kubeconfig.write(
        layout.pki().resolve("controller-manager.kubeconfig"), pki, "controller-manager", server);
    Kubeconfig.write(layout.pki().resolve("scheduler.kubeconfig"), pki, "scheduler", server);
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
