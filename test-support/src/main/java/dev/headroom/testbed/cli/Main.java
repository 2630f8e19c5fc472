package dev.headroom.testbed.cli;

import dev.headroom.testbed.TestBedException;
import dev.headroom.testbed.backfill.BackfillPlan;
import dev.headroom.testbed.components.Binaries;
import dev.headroom.testbed.components.Console;
import dev.headroom.testbed.components.EnvExports;
import dev.headroom.testbed.components.Layout;
import dev.headroom.testbed.components.StatusReport;
import dev.headroom.testbed.components.Teardown;
import dev.headroom.testbed.load.LoadDirectory;
import dev.headroom.testbed.load.SampleValue;
import dev.headroom.testbed.load.Series;
import dev.headroom.testbed.pki.ClusterCredentials;
import dev.headroom.testbed.process.Daemons;
import dev.headroom.testbed.prometheus.BackfillArguments;
import dev.headroom.testbed.prometheus.TraceBackfill;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The test bed's commands, run by {@code scripts/testbed} once it has built the binaries and, for
 * those that change the test bed, taken the state lock: {@code up}, {@code prometheus}, {@code
 * postgres}, {@code connections}, {@code pgbouncer}, {@code backfill}, {@code down}, {@code load},
 * {@code status}, {@code env}, and {@code pki SERVER} (certificates and kubeconfigs for a control
 * plane about to start). The script passes the state dir ({@code testbed.state}), its own path
 * ({@code testbed.script}), the pinned versions and the paths of the binaries ({@link Binaries}) as
 * system properties.
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
          "usage: Main up|prometheus|postgres|connections|pgbouncer|backfill|load|down|status|env"
              + "|pki ...");
    }
    Layout layout = new Layout(Path.of(property("testbed.state")));
    Daemons daemons = new Daemons(layout.run());
    Console console = Console.from(System.getenv(), System.err);
    List<String> rest = args.subList(1, args.size());
    switch (args.get(0)) {
      case "up":
        starts(layout, console).up(Arguments.UpOptions.parse(rest));
        console.info("up; use: eval \"$(" + property("testbed.script") + " env)\"");
        return 0;
      case "prometheus":
        starts(layout, console).prometheus();
        return 0;
      case "postgres":
        int maxConnections = Arguments.postgres(rest);
        starts(layout, console).postgres(maxConnections);
        return 0;
      case "connections":
        long exitDelay = Arguments.connections(rest);
        starts(layout, console).connections(exitDelay);
        return 0;
      case "pgbouncer":
        int pool = Arguments.pgbouncer(rest);
        starts(layout, console).pgbouncer(pool);
        return 0;
      case "backfill":
        BackfillArguments backfill = BackfillArguments.parse(rest);
        BackfillPlan plan =
            new TraceBackfill(
                    layout, daemons, starts(layout, console).prometheusServer(), Clock.systemUTC())
                .run(backfill);
        console.info(TraceBackfill.describe(plan));
        System.out.println(plan.summary());
        return 0;
      case "load":
        return load(layout, daemons, rest);
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
        if (rest.size() != 1) {
          throw new IllegalArgumentException("usage: Main pki https://127.0.0.1:PORT");
        }
        ClusterCredentials.write(layout, rest.get(0));
        return 0;
      default:
        throw new IllegalArgumentException("unknown command '" + args.get(0) + "'");
    }
  }

  /** {@code load METRIC VALUE [k=v,...]}: one file per series in the load directory. */
  private static int load(Layout layout, Daemons daemons, List<String> args) {
    if (args.size() < 2 || args.size() > 3) {
      throw new IllegalArgumentException("usage: testbed load METRIC VALUE [key=value,...]");
    }
    if (!daemons.alive("prometheus")) {
      throw new TestBedException(
          "prometheus is not running; run 'scripts/testbed up --with-prometheus'");
    }
    Series series = Series.parse(args.get(0), args.size() == 3 ? args.get(2) : "");
    new LoadDirectory(layout.loadDir()).set(series, SampleValue.parse(args.get(1)));
    return 0;
  }

  private static StartCommands starts(Layout layout, Console console) {
    return new StartCommands(
        layout, Binaries.from(System::getProperty), System.getenv(), console, Clock.systemUTC());
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
