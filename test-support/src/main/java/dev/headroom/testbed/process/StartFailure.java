package dev.headroom.testbed.process;

import java.util.regex.Pattern;

/** The one line that says why a component did not come up, read from its log. */
public final class StartFailure {

  private static final Pattern BIND =
      Pattern.compile("address already in use|could not bind|bind: ", Pattern.CASE_INSENSITIVE);
  private static final int LAST_LINE_CHARS = 200;

  private StartFailure() {}

  /**
   * A port clash if the log says so and the component has a port, else a timeout naming the log and
   * its last non-blank line.
   */
  public static String describe(
      String name, Integer port, String log, String logPath, long timeoutSeconds) {
    if (port != null && BIND.matcher(log).find()) {
      return "port %d for %s is already in use (see %s)".formatted(port, name, logPath);
    }
    String last =
        log.lines()
            .filter(l -> !l.isBlank())
            .reduce((a, b) -> b)
            .map(l -> l.length() > LAST_LINE_CHARS ? l.substring(0, LAST_LINE_CHARS) : l)
            .map(l -> " (last line: " + l + ")")
            .orElse("");
    return "%s did not become ready within %ds; see %s%s"
        .formatted(name, timeoutSeconds, logPath, last);
  }
}
