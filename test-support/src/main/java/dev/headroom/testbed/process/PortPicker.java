package dev.headroom.testbed.process;

import dev.headroom.testbed.TestBedException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Chooses the port of each component: the one its environment variable fixes (which must be free),
 * else a free one between 20000 and 31999 that this picker has not handed out before.
 */
public final class PortPicker {

  static final int LOWEST = 20000;
  static final int RANGE = 12000;
  private static final int TRIES = 200;

  private final Map<String, String> env;
  private final PortCheck ports;
  private final RandomGenerator random;
  private final Set<Integer> picked = new HashSet<>();

  public PortPicker(Map<String, String> env, PortCheck ports, RandomGenerator random) {
    this.env = env;
    this.ports = ports;
    this.random = random;
  }

  /** The port for {@code component}, fixed by {@code envVar} if that is set. */
  public int pick(String component, String envVar) {
    String fixed = env.get(envVar);
    int port;
    if (fixed != null && !fixed.isEmpty()) {
      port = parse(fixed, envVar);
      if (ports.busy(port)) {
        String by = ports.owner(port).map(o -> " by " + o).orElse("");
        throw new TestBedException(
            "port %d for %s is already in use%s (set %s to another port or unset it)"
                .formatted(port, component, by, envVar));
      }
    } else {
      port = free();
    }
    picked.add(port);
    return port;
  }

  private int free() {
    int port = LOWEST;
    for (int i = 0; i < TRIES; i++) {
      port = LOWEST + random.nextInt(RANGE);
      if (!picked.contains(port) && !ports.busy(port)) {
        return port;
      }
    }
    throw new TestBedException("found no free port in " + TRIES + " tries");
  }

  private static int parse(String value, String envVar) {
    try {
      int port = Integer.parseInt(value.strip());
      if (port < 1 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new TestBedException(envVar + " must be a port number, got '" + value + "'");
    }
  }
}
