package dev.headroom.testbed.cli;

import dev.headroom.testbed.components.Teardown;
import dev.headroom.testbed.process.DaemonLauncher;
import dev.headroom.testbed.process.Daemons;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Runs start steps so that a failure, or SIGINT, SIGTERM or SIGHUP on the way, stops what they
 * started, last started first (PostgreSQL with its data dir), and removes the control plane's state
 * if they started etcd: a failed {@code up} leaves nothing half-started.
 */
final class Rollback {

  private final DaemonLauncher launcher;
  private final Daemons daemons;
  private final Teardown teardown;
  private boolean finished;

  Rollback(DaemonLauncher launcher, Daemons daemons, Teardown teardown) {
    this.launcher = launcher;
    this.daemons = daemons;
    this.teardown = teardown;
  }

  void run(Runnable steps) {
    Thread hook = new Thread(this::undo, "testbed-rollback");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      steps.run();
      synchronized (this) {
        finished = true;
      }
    } catch (RuntimeException | Error e) {
      undo();
      throw e;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // shutting down already: the hook finds the steps finished and does nothing
    }
  }

  private synchronized void undo() {
    if (finished) {
      return;
    }
    finished = true;
    launcher.refuse();
    List<String> started = new ArrayList<>(launcher.started());
    Collections.reverse(started);
    for (String name : started) {
      if (name.equals("postgres")) {
        teardown.stopPostgresAndData();
      } else {
        daemons.stop(name);
      }
    }
    if (started.contains("etcd")) {
      teardown.removeCoreState();
    }
  }
}
