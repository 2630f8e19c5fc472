package dev.headroom.testbed.components;

import dev.headroom.testbed.process.Daemons;
import java.io.PrintStream;

/**
 * {@code scripts/testbed status}: one line per component (running with pid and port, dead with a
 * stale pid file, or stopped), plus PostgreSQL's max_connections.
 */
public final class StatusReport {

  private StatusReport() {}

  /** Prints the report; false when a pid file is stale. */
  public static boolean print(Daemons daemons, PrintStream out) {
    boolean clean = true;
    for (String name : Components.ALL) {
      String state;
      var pid = daemons.pid(name);
      if (daemons.alive(name)) {
        state =
            "running  pid "
                + pid.orElseThrow()
                + daemons.port(name).map(p -> "  127.0.0.1:" + p).orElse("");
      } else if (pid.isPresent()) {
        state = "dead     (stale pid file, pid " + pid.get() + "; 'up' or 'down' cleans it)";
        clean = false;
      } else {
        state = "stopped";
      }
      out.printf("%-24s %s%n", name, state);
    }
    if (daemons.alive("postgres")) {
      out.printf(
          "%-24s %s%n", "", "max_connections=" + daemons.read("postgres", "maxconn").orElse(""));
    }
    return clean;
  }
}
