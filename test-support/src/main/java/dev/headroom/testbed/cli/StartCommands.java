package dev.headroom.testbed.cli;

import dev.headroom.testbed.TestBedException;
import dev.headroom.testbed.cli.Arguments.UpOptions;
import dev.headroom.testbed.components.Binaries;
import dev.headroom.testbed.components.Console;
import dev.headroom.testbed.components.Layout;
import dev.headroom.testbed.components.Startup;
import dev.headroom.testbed.components.Teardown;
import dev.headroom.testbed.components.TestBedSettings;
import dev.headroom.testbed.connections.EmulatorProcess;
import dev.headroom.testbed.controlplane.ControlPlane;
import dev.headroom.testbed.controlplane.CoreState;
import dev.headroom.testbed.postgres.PgBouncerServer;
import dev.headroom.testbed.postgres.PostgresAccount;
import dev.headroom.testbed.postgres.PostgresServer;
import dev.headroom.testbed.process.Command;
import dev.headroom.testbed.process.DaemonLauncher;
import dev.headroom.testbed.process.Daemons;
import dev.headroom.testbed.process.JavaProgram;
import dev.headroom.testbed.process.ListeningSockets;
import dev.headroom.testbed.process.PortPicker;
import dev.headroom.testbed.process.StartupWait;
import dev.headroom.testbed.prometheus.MetricsAdapter;
import dev.headroom.testbed.prometheus.PrometheusServer;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The commands that start something, run under the script's state lock after the binaries are
 * built: {@code up} (cleans up a half-started earlier run, starts the control plane unless it is
 * up, then Prometheus and PostgreSQL if asked), {@code prometheus}, {@code postgres}, {@code
 * connections} and {@code pgbouncer} (which need the control plane up). Each rolls back what it
 * started if a step fails ({@link Rollback}).
 */
final class StartCommands {

  private final Layout layout;
  private final Daemons daemons;
  private final Binaries bin;
  private final TestBedSettings settings;
  private final Map<String, String> env;
  private final DaemonLauncher launcher;
  private final Startup startup;
  private final Teardown teardown;

  StartCommands(
      Layout layout, Binaries bin, Map<String, String> env, Console console, Clock clock) {
    this.layout = layout;
    this.daemons = new Daemons(layout.run());
    this.bin = bin;
    this.settings = TestBedSettings.from(env);
    this.env = env;
    this.launcher = new DaemonLauncher(layout.run(), layout.logs());
    this.startup =
        new Startup(
            layout,
            daemons,
            launcher,
            new PortPicker(env, new ListeningSockets(), new Random()),
            new StartupWait(daemons, layout.logs(), settings.startTimeout(), clock),
            console);
    this.teardown = new Teardown(layout, daemons);
  }

  void up(UpOptions options) {
    requireTool(List.of("curl", "--version"), "curl is not installed; run scripts/install-deps");
    requireTool(List.of("ss", "-V"), "ss (iproute2) is not installed; run scripts/install-deps");
    rollingBack(
        () -> {
          CoreState state = CoreState.detect(layout, daemons);
          if (state == CoreState.UP) {
            startup.console().info("control plane already up");
          } else {
            if (state == CoreState.PARTIAL) {
              startup
                  .console()
                  .info(
                      "found a half-started previous run ("
                          + CoreState.describePartial(daemons)
                          + "); stopping it and starting afresh");
              teardown.stopAll();
            }
            new ControlPlane(
                    layout,
                    bin,
                    settings,
                    startup.ports(),
                    launcher,
                    startup.readiness(),
                    startup.console())
                .start();
          }
          if (options.prometheus()) {
            startPrometheus();
          }
          options.postgresMaxConnections().ifPresent(this::startPostgres);
        });
  }

  void prometheus() {
    requireCoreUp();
    rollingBack(this::startPrometheus);
  }

  /** Prometheus, then the adapter that serves its load series to HPAs. */
  private void startPrometheus() {
    new PrometheusServer(startup).start();
    new MetricsAdapter(startup, bin).start();
  }

  void postgres(int maxConnections) {
    requireCoreUp();
    rollingBack(() -> startPostgres(maxConnections));
  }

  void connections(long exitDelayMillis) {
    requireCoreUp();
    rollingBack(() -> new EmulatorProcess(startup, JavaProgram.ofThisJvm()).start(exitDelayMillis));
  }

  void pgbouncer(int pool) {
    requireCoreUp();
    rollingBack(
        () -> new PgBouncerServer(startup, bin, PostgresAccount.current(), env).start(pool));
  }

  /** Prometheus as the backfill restarts it. */
  PrometheusServer prometheusServer() {
    return new PrometheusServer(startup);
  }

  private void startPostgres(int maxConnections) {
    new PostgresServer(startup, bin, PostgresAccount.current(), env).start(maxConnections);
  }

  private void rollingBack(Runnable steps) {
    new Rollback(launcher, daemons, teardown).run(steps);
  }

  private void requireCoreUp() {
    if (CoreState.detect(layout, daemons) != CoreState.UP) {
      throw new TestBedException("the test bed is not up; run 'scripts/testbed up' first");
    }
  }

  private static void requireTool(List<String> command, String missing) {
    if (!Command.succeeds(command)) {
      throw new TestBedException(missing);
    }
  }
}
