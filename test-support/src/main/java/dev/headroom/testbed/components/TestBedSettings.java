package dev.headroom.testbed.components;

import dev.headroom.testbed.TestBedException;
import java.time.Duration;
import java.util.Map;

/**
 * What the environment tunes: {@code HEADROOM_TESTBED_NODES} (fake nodes, 3), {@code
 * HEADROOM_TESTBED_TIMEOUT} (seconds each component may take to get ready, 120) and {@code
 * HEADROOM_TESTBED_KCM_QPS} (the controller manager's API requests per second, 100; see
 * docs/development.md). The {@code HEADROOM_TESTBED_*_PORT} variables are read by the port picker.
 */
public record TestBedSettings(int nodes, Duration startTimeout, int controllerManagerQps) {

  public static TestBedSettings from(Map<String, String> env) {
    return new TestBedSettings(
        positive(env, "HEADROOM_TESTBED_NODES", 3),
        Duration.ofSeconds(positive(env, "HEADROOM_TESTBED_TIMEOUT", 120)),
        positive(env, "HEADROOM_TESTBED_KCM_QPS", 100));
  }

  private static int positive(Map<String, String> env, String name, int fallback) {
    String value = env.get(name);
    if (value == null || value.isEmpty()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(value.strip());
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new TestBedException(name + " must be a positive whole number, got '" + value + "'");
  }
}
