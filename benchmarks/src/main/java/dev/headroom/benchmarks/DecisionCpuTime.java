package dev.headroom.benchmarks;

import dev.headroom.engine.model.Decision;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * {@link DecisionBenchmark}'s decisions timed by the CPU time of the deciding thread rather than by
 * the wall clock: on a machine shared with other work, JMH's throughput says how much of a core the
 * thread got, this says how many decisions one core makes per second of its time. Runs {@value
 * #ROUNDS} rounds of {@value #PER_ROUND} decisions after a warm-up and prints one line per round
 * and the median; {@code benchmarks/run} puts the median in docs/benchmarks.md.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.headroom.benchmarks.DecisionCpuTime</pre>
 */
public final class DecisionCpuTime {

  static final int ROUNDS = 7;
  static final int PER_ROUND = 2_000_000;
  static final int WARM_UP = 3_000_000;

  private DecisionCpuTime() {}

  public static void main(String[] args) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    if (!threads.isCurrentThreadCpuTimeSupported()) {
      System.err.println("thread CPU time is not supported by this JVM");
      System.exit(2);
    }
    DecisionBenchmark benchmark = new DecisionBenchmark();
    benchmark.setUp();
    long sink = run(benchmark, WARM_UP);
    double[] nanosPerDecision = new double[ROUNDS];
    for (int round = 0; round < ROUNDS; round++) {
      long cpu = threads.getCurrentThreadCpuTime();
      long wall = System.nanoTime();
      sink += run(benchmark, PER_ROUND);
      cpu = threads.getCurrentThreadCpuTime() - cpu;
      wall = System.nanoTime() - wall;
      nanosPerDecision[round] = (double) cpu / PER_ROUND;
      System.out.printf(
          Locale.ROOT,
          "round %d: %.0f ns CPU per decision (%.0f ns wall)%n",
          round + 1,
          nanosPerDecision[round],
          (double) wall / PER_ROUND);
    }
    Arrays.sort(nanosPerDecision);
    double median = nanosPerDecision[ROUNDS / 2];
    System.out.printf(Locale.ROOT, "checksum of the desired replicas: %d%n", sink);
    System.out.printf(
        Locale.ROOT,
        "median: %.0f ns CPU per decision = %,.0f decisions per CPU-second%n",
        median,
        1e9 / median);
  }

  private static long run(DecisionBenchmark benchmark, int decisions) {
    long sum = 0;
    for (int i = 0; i < decisions; i++) {
      Decision d = benchmark.next();
      sum += d.desiredReplicas();
    }
    return sum;
  }
}
