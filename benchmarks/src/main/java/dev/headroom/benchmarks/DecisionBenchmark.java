package dev.headroom.benchmarks;

import dev.headroom.engine.DecisionEngine;
import dev.headroom.engine.EngineConfig;
import dev.headroom.engine.model.Behavior;
import dev.headroom.engine.model.Capacity;
import dev.headroom.engine.model.ConcurrencySample;
import dev.headroom.engine.model.ConcurrencySignal;
import dev.headroom.engine.model.Connections;
import dev.headroom.engine.model.Decision;
import dev.headroom.engine.model.LoadSignal;
import dev.headroom.engine.model.Observation;
import dev.headroom.engine.model.PodSample;
import dev.headroom.engine.model.PolicySpec;
import dev.headroom.engine.model.ResourceKind;
import dev.headroom.engine.model.ScaleEvent;
import dev.headroom.engine.model.ScalingHistory;
import dev.headroom.engine.model.ScheduleSpec;
import dev.headroom.engine.model.SignalSample;
import dev.headroom.engine.model.TimestampedRecommendation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One {@link DecisionEngine#decide} call for a typical policy: two load signals (an external
 * request rate and per-pod CPU), a concurrency signal with two capacities, a budget grant, two
 * schedules in Europe/Berlin and the default behavior, with a history of 20 recent recommendations
 * and a few scale events. Single-threaded, so the score is decisions per second on one core.
 *
 * <p>The inputs cycle through {@link #CASES} pre-built observations (different instants, loads and
 * histories, fixed seed) so that neither the JIT nor the branch predictor sees one constant input;
 * building them is not measured.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(1)
public class DecisionBenchmark {

  static final int CASES = 64;
  static final long SEED = 20261123L;
  static final int PODS = 12;

  private DecisionEngine engine;
  private PolicySpec spec;
  private Observation[] observations;
  private ScalingHistory[] histories;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    engine = new DecisionEngine(EngineConfig.defaults());
    spec = typicalPolicy();
    Random random = new Random(SEED);
    observations = new Observation[CASES];
    histories = new ScalingHistory[CASES];
    // A Monday morning in Berlin, around the opening of the 'business-hours' window.
    Instant base = Instant.parse("2026-03-02T06:30:00Z");
    for (int i = 0; i < CASES; i++) {
      Instant now = base.plusSeconds(15L * 37 * i);
      int current = 6 + random.nextInt(10);
      observations[i] = observation(random, now, current);
      histories[i] = history(random, now, current);
    }
    // One call outside the measurement: it prepares the policy (validation, schedule parsing),
    // which the engine then keeps for this spec, as for a host deciding every round.
    Decision first = engine.decide(spec, observations[0], histories[0]);
    if (!first.valid()) {
      throw new IllegalStateException("benchmark policy is invalid: " + first.reasons());
    }
  }

  @Benchmark
  public void decide(Blackhole bh) {
    bh.consume(next());
  }

  /** The decision for the next of the {@link #CASES} inputs. */
  Decision next() {
    int i = next;
    next = (i + 1) & (CASES - 1);
    return engine.decide(spec, observations[i], histories[i]);
  }

  static PolicySpec typicalPolicy() {
    return PolicySpec.builder("shop/checkout-api", 3, 40)
        .load(LoadSignal.averageValue("http_requests_per_second", 40))
        .load(LoadSignal.pods("cpu_millicores", 600))
        .concurrency(ConcurrencySignal.of("in_flight"))
        .capacity(Capacity.of(ResourceKind.THREADS, 200, 0.8))
        .capacity(Capacity.perRequest(ResourceKind.MEMORY, 2048, 16, 0.75))
        .connections(new Connections("db/pg-main", 5, 20, 1))
        .schedule(
            new ScheduleSpec(
                "business-hours",
                "0 8 * * 1-5",
                "Europe/Berlin",
                Duration.ofHours(10),
                Duration.ofMinutes(15),
                8))
        .schedule(
            new ScheduleSpec(
                "nightly-batch",
                "30 1 * * *",
                "Europe/Berlin",
                Duration.ofHours(2),
                Duration.ofMinutes(10),
                5))
        .behavior(Behavior.defaults())
        .build();
  }

  static Observation observation(Random random, Instant now, int current) {
    Instant sampled = now.minusSeconds(10 + random.nextInt(20));
    double rps = current * 40 * (0.6 + 0.8 * random.nextDouble());
    List<PodSample> pods = new ArrayList<>(PODS);
    for (int p = 0; p < PODS; p++) {
      String name = "checkout-api-7d9f8c6b5-" + p;
      if (p < current) {
        pods.add(PodSample.ready(name, 300 + 600 * random.nextDouble()));
      } else {
        pods.add(PodSample.unready(name));
      }
    }
    double rate = rps * (0.9 + 0.2 * random.nextDouble());
    double latency = 0.05 + 0.25 * random.nextDouble();
    return Observation.of(now, current, current)
        .withSignal("http_requests_per_second", SignalSample.value(sampled, rps))
        .withSignal("cpu_millicores", SignalSample.pods(sampled, pods))
        .withConcurrency(new ConcurrencySample(sampled, rate, latency))
        .withGrant(200 + random.nextInt(300));
  }

  /** ~20 recommendations over the 5-minute scale-down window, and a few scale events. */
  static ScalingHistory history(Random random, Instant now, int current) {
    List<TimestampedRecommendation> recommendations = new ArrayList<>(20);
    for (int r = 20; r >= 1; r--) {
      int replicas = Math.max(3, current - 3 + random.nextInt(7));
      recommendations.add(new TimestampedRecommendation(replicas, now.minusSeconds(15L * r)));
    }
    List<ScaleEvent> ups =
        List.of(new ScaleEvent(2, now.minusSeconds(45)), new ScaleEvent(1, now.minusSeconds(240)));
    List<ScaleEvent> downs = List.of(new ScaleEvent(1, now.minusSeconds(600)));
    return new ScalingHistory(recommendations, ups, downs);
  }
}
