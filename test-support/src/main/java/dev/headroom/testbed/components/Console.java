package dev.headroom.testbed.components;

import java.io.PrintStream;
import java.util.Map;

/**
 * The test bed's progress lines, {@code testbed: ...} on stderr; none when TESTBED_QUIET is set.
 */
public final class Console {

  private final PrintStream err;
  private final boolean quiet;

  public Console(PrintStream err, boolean quiet) {
    this.err = err;
    this.quiet = quiet;
  }

  public static Console from(Map<String, String> env, PrintStream err) {
    String quiet = env.get("TESTBED_QUIET");
    return new Console(err, quiet != null && !quiet.isEmpty());
  }

  public void info(String line) {
    if (!quiet) {
      err.println("testbed: " + line);
    }
  }
}
