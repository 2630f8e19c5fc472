package dev.headroom.testbed.process;

import java.util.List;

/**
 * Sends a named signal (TERM, INT, HUP, KILL, ...) with {@code kill}, as the JDK has no API for it.
 */
public final class Signals {

  private Signals() {}

  /** Sends {@code signal} to {@code pid}; false if there was no such process. */
  public static boolean send(long pid, String signal) {
    return Command.succeeds(List.of("kill", "-s", signal, Long.toString(pid)));
  }

  /** Sends {@code signal} to the process group {@code pgid}, else to the process itself. */
  public static void sendToGroup(long pgid, String signal) {
    if (!Command.succeeds(List.of("kill", "-s", signal, "--", "-" + pgid))) {
      send(pgid, signal);
    }
  }
}
