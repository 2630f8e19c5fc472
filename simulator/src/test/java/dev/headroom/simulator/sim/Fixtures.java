package dev.headroom.simulator.sim;

import dev.headroom.simulator.input.ManifestReader;
import dev.headroom.simulator.input.Manifests;
import dev.headroom.simulator.input.Trace;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Small scenarios built in code. */
final class Fixtures {

  static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

  private Fixtures() {}

  /** A per-minute trace with the given requests per second in each minute. */
  static Trace perMinute(double... ratesPerSecond) {
    double[] counts = new double[ratesPerSecond.length];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = ratesPerSecond[i] * 60;
    }
    return new Trace("test", T0, 60, counts);
  }

  /** {@code minutes} minutes at {@code rate} req/s. */
  static double[] flat(int minutes, double rate) {
    double[] out = new double[minutes];
    java.util.Arrays.fill(out, rate);
    return out;
  }

  static double[] concat(double[]... parts) {
    int n = 0;
    for (double[] p : parts) {
      n += p.length;
    }
    double[] out = new double[n];
    int at = 0;
    for (double[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }

  /** One policy "web" (target per replica, bounds), optionally drawing on budget "db". */
  static String policy(double target, int min, int max, String connections) {
    return """
        apiVersion: headroom.dev/v1alpha1
        kind: ScalingPolicy
        metadata: {name: web, namespace: t}
        spec:
          replicas: {min: %d, max: %d}
          load:
            signals: [{name: requests, query: q, target: %s}]
        %s
        """
        .formatted(min, max, Double.toString(target), connections);
  }

  static String budget(int maxConnections, int reserved) {
    return """
        apiVersion: headroom.dev/v1alpha1
        kind: ConnectionBudget
        metadata: {name: db, namespace: t}
        spec: {maxConnections: %d, reserved: %d}
        """
        .formatted(maxConnections, reserved);
  }

  static final String POOL_5_TO_10 =
      """
          connections:
            budgetRef: {name: db}
            poolSize: {min: 5, max: 10}
            maxSurge: 1
        """;

  static Scenario scenario(String yaml, Trace trace) {
    Manifests m = new ManifestReader().read("test.yaml", yaml);
    return Scenario.assemble("test", m, Map.of(), Optional.of(trace));
  }

  /** Settings with no metric window, so that a step in the trace reaches the scaler at once. */
  static SimulationSettings crisp() {
    return new SimulationSettings(
        Duration.ofSeconds(30),
        Duration.ofSeconds(30),
        Duration.ZERO,
        Duration.ofSeconds(15),
        0.2,
        OptionalInt.empty(),
        1.0);
  }
}
