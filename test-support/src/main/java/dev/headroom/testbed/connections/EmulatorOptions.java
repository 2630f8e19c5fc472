package dev.headroom.testbed.connections;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What the connection emulator is told on its command line.
 *
 * @param kubeconfig the test bed's kubeconfig
 * @param jdbcUrl the test bed's PostgreSQL, where pods connect when they name no server
 * @param urlEnv environment variable that names the JDBC URL a pod connects to, overriding {@code
 *     jdbcUrl}
 * @param user the role the pods connect as (the test bed creates {@code app}) when they name none
 * @param userEnv environment variable that names the role a pod connects as, overriding {@code
 *     user}
 * @param selector label selector of the pods to emulate, e.g. {@code headroom.dev/connections=real}
 * @param poolEnv environment variable that carries a pod's pool
 * @param poolAnnotation pod annotation that carries a pod's pool when no variable does
 * @param exitDelay how long a terminating pod keeps its connections (a slow-exiting pod)
 */
public record EmulatorOptions(
    Path kubeconfig,
    String jdbcUrl,
    String urlEnv,
    String user,
    String userEnv,
    String selector,
    String poolEnv,
    String poolAnnotation,
    Duration exitDelay) {

  public static final String DEFAULT_SELECTOR = "headroom.dev/connections=real";

  public static EmulatorOptions parse(List<String> args) {
    Path kubeconfig = null;
    String jdbcUrl = null;
    String urlEnv = "DB_URL";
    String user = "app";
    String userEnv = "DB_USER";
    String selector = DEFAULT_SELECTOR;
    String poolEnv = "DB_POOL_SIZE";
    String poolAnnotation = "headroom.dev/pool-size";
    Duration exitDelay = Duration.ZERO;
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (!arg.startsWith("--") || eq < 0) {
        throw new IllegalArgumentException("expected --name=value, got '" + arg + "'");
      }
      String name = arg.substring(2, eq);
      String value = arg.substring(eq + 1);
      switch (name) {
        case "kubeconfig" -> kubeconfig = Path.of(value);
        case "jdbc-url" -> jdbcUrl = value;
        case "url-env" -> urlEnv = value;
        case "user" -> user = value;
        case "user-env" -> userEnv = value;
        case "selector" -> selector = value;
        case "pool-env" -> poolEnv = value;
        case "pool-annotation" -> poolAnnotation = value;
        case "exit-delay-ms" -> {
          long ms;
          try {
            ms = Long.parseLong(value);
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                "--exit-delay-ms must be a whole number of milliseconds, got '" + value + "'");
          }
          if (ms < 0) {
            throw new IllegalArgumentException("--exit-delay-ms must not be negative, got " + ms);
          }
          exitDelay = Duration.ofMillis(ms);
        }
        default -> throw new IllegalArgumentException("unknown option --" + name);
      }
    }
    if (kubeconfig == null || jdbcUrl == null) {
      throw new IllegalArgumentException("--kubeconfig and --jdbc-url are required");
    }
    if (!selector.contains("=")) {
      throw new IllegalArgumentException("--selector must be key=value, got '" + selector + "'");
    }
    return new EmulatorOptions(
        kubeconfig, jdbcUrl, urlEnv, user, userEnv, selector, poolEnv, poolAnnotation, exitDelay);
  }

  public String selectorKey() {
    return selector.substring(0, selector.indexOf('='));
  }

  public String selectorValue() {
    return selector.substring(selector.indexOf('=') + 1);
  }
}
