package dev.headroom.operator.bench;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Command line of {@code benchmarks/operator-bench}. */
record BenchmarkOptions(
    List<Integer> policies,
    String syncPeriod,
    String memoryLimit,
    String xmx,
    Duration settle,
    Duration window,
    Duration decisionTimeout,
    Duration latencyTimeout,
    boolean writeDocs,
    boolean jfr,
    boolean help) {

  static final String USAGE =
      """
      usage: benchmarks/operator-bench [--policies 1000,10000] [--sync-period 15s]
                                       [--memory-limit 512m] [--xmx 384m] [--settle 30s] [--window 60s] [--decision-timeout 30m]
                                       [--latency-timeout 5m] [--no-docs] [--jfr]
        --policies          policy counts to run, one after the other, each on a fresh test bed
        --sync-period       the operator's HEADROOM_SYNC_PERIOD (chart default 15s)
        --memory-limit      the pod's memory limit the operator's JVM sizes itself to, with the
                            image's JVM options (default 512m, the chart's limits.memory)
        --xmx               an -Xmx instead of the image's share of the limit
        --settle            wait after every policy has decided before measuring the steady state
        --window            length of the steady-state measurement
        --decision-timeout  give up waiting for every policy's first decision after this
        --latency-timeout   give up waiting for the sampled targets to scale after this
        --no-docs           print only; leave docs/benchmarks.md alone
        --jfr               record the operator with Java Flight Recorder (profile settings)
                            into operator/target/operator-bench-N.jfr""";

  static BenchmarkOptions parse(String[] args) {
    List<Integer> policies = List.of(1000);
    String sync = "15s";
    String memoryLimit = "512m";
    String xmx = null;
    Duration settle = Duration.ofSeconds(30);
    Duration window = Duration.ofSeconds(60);
    Duration decision = Duration.ofMinutes(30);
    Duration latency = Duration.ofMinutes(5);
    boolean docs = true;
    boolean jfr = false;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "-h", "--help" -> {
          return new BenchmarkOptions(
              policies,
              sync,
              memoryLimit,
              xmx,
              settle,
              window,
              decision,
              latency,
              false,
              false,
              true);
        }
        case "--no-docs" -> docs = false;
        case "--jfr" -> jfr = true;
        case "--policies" -> policies = counts(value(args, ++i, a));
        case "--sync-period" -> sync = durationText(value(args, ++i, a), a);
        case "--xmx" -> xmx = memory(value(args, ++i, a), a);
        case "--memory-limit" -> memoryLimit = memory(value(args, ++i, a), a);
        case "--settle" -> settle = duration(value(args, ++i, a), a);
        case "--window" -> window = duration(value(args, ++i, a), a);
        case "--decision-timeout" -> decision = duration(value(args, ++i, a), a);
        case "--latency-timeout" -> latency = duration(value(args, ++i, a), a);
        default -> throw new IllegalArgumentException("unknown option '" + a + "'");
      }
    }
    if (window.isZero()) {
      throw new IllegalArgumentException("--window must be longer than 0s");
    }
    return new BenchmarkOptions(
        policies, sync, memoryLimit, xmx, settle, window, decision, latency, docs, jfr, false);
  }

  /** A JVM memory size (512m, 2g), as -Xmx and -XX:MaxRAM take it. */
  private static String memory(String text, String option) {
    if (!text.matches("[0-9]+[kmgKMG]?")) {
      throw new IllegalArgumentException(option + " must look like 512m or 2g, got '" + text + "'");
    }
    return text;
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  private static List<Integer> counts(String text) {
    List<Integer> out = new ArrayList<>();
    for (String part : text.split(",")) {
      try {
        int n = Integer.parseInt(part.trim());
        if (n < 10 || n > 100_000) {
          throw new IllegalArgumentException("--policies: each count must be 10..100000, got " + n);
        }
        out.add(n);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "--policies: '" + part + "' is not a number (e.g. 1000,10000)");
      }
    }
    return out;
  }

  private static String durationText(String text, String option) {
    duration(text, option);
    return text;
  }

  /** 30s, 5m, 1h, or an ISO-8601 duration. */
  static Duration duration(String text, String option) {
    try {
      if (text.matches("[0-9]+(ms|s|m|h)")) {
        long n = Long.parseLong(text.replaceAll("[a-z]", ""));
        return switch (text.replaceAll("[0-9]", "")) {
          case "ms" -> Duration.ofMillis(n);
          case "s" -> Duration.ofSeconds(n);
          case "m" -> Duration.ofMinutes(n);
          default -> Duration.ofHours(n);
        };
      }
      return Duration.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          option + ": '" + text + "' is not a duration (e.g. 30s, 5m)");
    }
  }
}
