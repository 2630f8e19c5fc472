package dev.headroom.operator.it.faults;

import dev.headroom.operator.api.v1alpha1.ConnectionBudget;
import dev.headroom.operator.api.v1alpha1.ConsumerPhase;
import dev.headroom.operator.it.OperatorProcess;
import dev.headroom.operator.it.PrometheusControl;
import dev.headroom.testbed.Postgres;
import dev.headroom.testbed.Prometheus;
import dev.headroom.testbed.TestBed;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Randomized fault runs on the test bed. Scenarios run in waves of {@code parallel}, each in its
 * own namespace, against one pair of operator replicas that reach the API server through an {@link
 * ApiFaultProxy}. During a wave's fault phase every scenario plays its own timeline (load changes,
 * NaN answers, user edits, a budget lowered below usage) while the driver injects the wave's shared
 * faults (operator kills, including right after a shrink was seen and before the grow, leader
 * failover, Prometheus stopped or frozen, a clock restarted across a DST change, a window of
 * apiserver faults). Then the faults stop, loads settle, and each scenario must converge and be
 * consistent; a {@link ClusterSampler} checks the budgets every 150 ms throughout, on the pools of
 * their pods, and a {@link DatabaseRoleSampler} checks them every 150 ms on the connections
 * PostgreSQL has open, which the test bed's connection emulator holds for every Running pod (each
 * budget's pods log in as a role of their own).
 */
public final class FaultRun {

  /** What to run; {@link #fromSystemProperties} reads {@code headroom.fault-run.*}. */
  public record Options(
      int scenarios,
      long seed,
      int parallel,
      long faultPhaseMillis,
      long convergeMillis,
      Path report,
      long maxMinutes) {

    public static Options fromSystemProperties(int scenarios, long seed, int parallel) {
      return new Options(
          Integer.getInteger("headroom.fault-run.scenarios", scenarios),
          Long.getLong("headroom.fault-run.seed", seed),
          Integer.getInteger("headroom.fault-run.parallel", parallel),
          Long.getLong("headroom.fault-run.fault-phase-ms", 24_000),
          Long.getLong("headroom.fault-run.converge-ms", 240_000),
          System.getProperty("headroom.fault-run.report") == null
              ? null
              : Path.of(System.getProperty("headroom.fault-run.report")),
          Long.getLong("headroom.fault-run.max-minutes", 0));
    }
  }

  /** The outcome of one scenario. */
  public record ScenarioResult(
      int index,
      long seed,
      String namespace,
      int budgets,
      int consumers,
      Map<FaultKind, Integer> faults,
      long samples,
      double maxRatio,
      long convergenceMillis,
      List<String> breaches,
      List<String> growsWhileOver,
      List<String> problems,
      long databaseSamples,
      List<String> databaseBreaches,
      List<BudgetPeak> peaks,
      long databaseConnections,
      long podConnections) {

    boolean passed() {
      return breaches.isEmpty()
          && databaseBreaches.isEmpty()
          && problems.isEmpty()
          && convergenceMillis >= 0;
    }
  }

  /**
   * One budget's highest sample as counted from its pods' pools and as PostgreSQL counted its
   * role's connections, each with the limit it was checked against then.
   */
  public record BudgetPeak(
      String budget,
      long podMax,
      int podLimit,
      long databaseMax,
      int databaseLimit,
      double databaseRatio) {}

  /**
   * How long a terminating pod keeps its connections: a service closing its pool on SIGTERM.
   * Shorter than the second or more between an old pod leaving the API and a grow it frees reaching
   * new pods (grant, acknowledgement, rollout, scheduling, pool start).
   */
  static final Duration EXIT_DELAY = Duration.ofMillis(250);

  private static final List<FaultKind> GLOBAL =
      List.of(
          FaultKind.OPERATOR_KILL,
          FaultKind.OPERATOR_KILL_MID_TRANSITION,
          FaultKind.LEADER_FAILOVER,
          FaultKind.PROMETHEUS_STOPPED,
          FaultKind.PROMETHEUS_SLOW,
          FaultKind.CLOCK_JUMP_DST,
          FaultKind.API_FAULT_WINDOW);

  private final TestBed bed;
  private final KubernetesClient admin;
  private final Prometheus prometheus;
  private final Postgres postgres;
  private final Options options;
  private final Map<FaultKind, Long> injected =
      Collections.synchronizedMap(new EnumMap<>(FaultKind.class));
  private final List<Long> failovers = Collections.synchronizedList(new ArrayList<>());
  private final List<String> log = Collections.synchronizedList(new ArrayList<>());

  /**
   * {@code postgres} must take every connection a wave can hold at once (its budgets' limits
   * together); the run starts the connection emulator against it.
   */
  public FaultRun(TestBed bed, Prometheus prometheus, Postgres postgres, Options options) {
    this.bed = bed;
    // its own admin connection, patient enough for an API server on a busy machine
    io.fabric8.kubernetes.client.Config config = bed.kubernetesConfig(null);
    config.setRequestTimeout(60_000);
    config.setConnectionTimeout(30_000);
    config.setRequestRetryBackoffLimit(5);
    this.admin =
        new io.fabric8.kubernetes.client.KubernetesClientBuilder().withConfig(config).build();
    this.prometheus = prometheus;
    this.postgres = postgres;
    this.options = options;
  }

  public FaultReport execute() throws Exception {
    long started = System.nanoTime();
    String runId =
        Long.toString(Math.abs(options.seed() % 10_000), 36)
            + Long.toString(System.currentTimeMillis() % 46_656, 36);
    URI server = URI.create(bed.kubernetesConfig(null).getMasterUrl());
    List<ScenarioResult> results = new ArrayList<>();
    PrometheusControl control = new PrometheusControl(bed);
    prometheus.url();
    OperatorProcess.install(bed, admin);
    admin
        .namespaces()
        .withLabel(ClusterSampler.LABEL)
        .delete(); // left by an earlier, interrupted run
    addNodes(options.parallel());
    bed.connections(EXIT_DELAY);
    ExecutorService pool = Executors.newCachedThreadPool();
    try (ApiFaultProxy proxy =
            new ApiFaultProxy(server, bed.kubernetesConfig(null).getCaCertData(), options.seed());
        ClusterSampler sampler = new ClusterSampler(admin, 150);
        DatabaseRoleSampler database = new DatabaseRoleSampler(postgres, 150);
        OperatorReplicas operators = new OperatorReplicas(bed, admin, proxy.url()).start()) {
      int waves = (options.scenarios() + options.parallel() - 1) / options.parallel();
      for (int wave = 0; wave < waves; wave++) {
        if (options.maxMinutes() > 0
            && System.nanoTime() - started > options.maxMinutes() * 60_000_000_000L) {
          System.out.printf(
              Locale.ROOT,
              "fault run: time budget of %d min used up; no new wave started%n",
              options.maxMinutes());
          break;
        }
        int from = wave * options.parallel();
        int to = Math.min(options.scenarios(), from + options.parallel());
        List<ScenarioRun> runs = new ArrayList<>();
        for (int i = from; i < to; i++) {
          runs.add(
              new ScenarioRun(
                  Scenario.generate(i, options.seed(), options.faultPhaseMillis()),
                  runId,
                  admin,
                  prometheus));
        }
        for (ScenarioRun r : runs) {
          for (String role : r.roles()) {
            database.createRole(role);
          }
        }
        for (Future<?> f :
            pool.invokeAll(
                runs.stream()
                    .map(
                        r ->
                            (java.util.concurrent.Callable<Void>)
                                () -> {
                                  r.create();
                                  return null;
                                })
                    .toList())) {
          f.get();
        }
        runs.forEach(sampler::register);
        runs.forEach(database::register);
        Map<FaultKind, Long> proxyBefore = proxy.injected();
        long phaseStart = System.currentTimeMillis();
        List<Future<Void>> players = new ArrayList<>();
        for (ScenarioRun r : runs) {
          players.add(
              pool.submit(
                  () -> {
                    r.play(phaseStart);
                    return null;
                  }));
        }
        Map<FaultKind, Long> waveFaults = new EnumMap<>(FaultKind.class);
        try {
          drive(wave, phaseStart, runs, proxy, control, operators, waveFaults);
        } finally {
          proxy.disable();
          control.thaw();
        }
        for (Future<Void> p : players) {
          p.get();
        }
        operators.ensureRunning();
        Map<FaultKind, Long> proxyAfter = proxy.injected();
        proxyAfter.forEach(
            (k, v) -> {
              long d = v - proxyBefore.getOrDefault(k, 0L);
              if (d > 0) {
                waveFaults.merge(k, d, Long::sum);
              }
            });
        waveFaults.forEach((k, v) -> injected.merge(k, v, Long::sum));
        runs.forEach(r -> r.count(waveFaults));
        long calm = System.currentTimeMillis();
        runs.forEach(ScenarioRun::settleLoads);
        long leaderSince = awaitLeader(operators, calm + options.convergeMillis());
        List<Future<Boolean>> convergence = new ArrayList<>();
        for (ScenarioRun r : runs) {
          convergence.add(
              pool.submit(
                  () -> r.awaitConvergence(calm, leaderSince, calm + options.convergeMillis())));
        }
        for (Future<Boolean> c : convergence) {
          c.get();
        }
        for (ScenarioRun r : runs) {
          sampler.unregister(r);
          database.unregister(r);
          List<String> problems =
              r.convergenceMillis() >= 0
                  ? r.checkConsistency()
                  : List.of("did not converge: " + r.unconverged());
          Map<FaultKind, Integer> own = r.faults();
          own.forEach(
              (k, v) -> {
                if (!k.perRequest() && !GLOBAL.contains(k)) {
                  injected.merge(k, (long) v, Long::sum);
                }
              });
          results.add(
              new ScenarioResult(
                  r.scenario().index(),
                  r.scenario().seed(),
                  r.namespace(),
                  r.scenario().budgets().size(),
                  r.scenario().consumerCount(),
                  own,
                  r.samples(),
                  r.maxRatio(),
                  r.convergenceMillis(),
                  r.breaches(),
                  r.growsWhileOver(),
                  problems,
                  r.databaseSamples(),
                  r.databaseBreaches(),
                  r.peaks(),
                  r.connectionSums()[0],
                  r.connectionSums()[1]));
          if (r.breaches().isEmpty() && r.databaseBreaches().isEmpty()) {
            r.delete(); // its pods would fill the nodes; what went wrong is in the report
          }
        }
        System.out.printf(
            Locale.ROOT,
            "fault run: wave %d/%d done (%d scenarios so far, %d failed) at %ds%n",
            wave + 1,
            waves,
            results.size(),
            results.stream().filter(x -> !x.passed()).count(),
            (System.nanoTime() - started) / 1_000_000_000);
      }
      if (sampler.failure() != null) {
        throw new IllegalStateException("the sampler failed", sampler.failure());
      }
      if (database.failure() != null) {
        throw new IllegalStateException("the database sampler failed", database.failure());
      }
      FaultReport report =
          new FaultReport(
              options,
              results,
              new EnumMap<>(injected),
              Duration.ofNanos(System.nanoTime() - started),
              sampler.maxGapMillis(),
              database.maxGapMillis(),
              database.maxTotal(),
              postgres.maxConnections(),
              List.copyOf(failovers),
              operators.unexpectedExits(),
              operators.starts(),
              proxy.requests(),
              List.copyOf(log));
      if (options.report() != null) {
        Files.createDirectories(options.report().toAbsolutePath().getParent());
        Files.writeString(options.report(), report.markdown());
      }
      return report;
    } finally {
      pool.shutdownNow();
      admin.close();
    }
  }

  /** When a replica holds the Lease (polled every 250 ms), at the latest {@code deadline}. */
  private static long awaitLeader(OperatorReplicas operators, long deadline)
      throws InterruptedException {
    while (operators.leaderIndex() < 0 && System.currentTimeMillis() < deadline) {
      Thread.sleep(250);
    }
    return System.currentTimeMillis();
  }

  /**
   * Room for a wave's pods: a scenario runs up to 4 × 5 × (6 + 1) pods. Fake nodes like the test
   * bed's own (kwok manages every node annotated {@code kwok.x-k8s.io/node=fake}), 1000 pods each.
   */
  private void addNodes(int parallel) {
    int nodes = (parallel * 140 + 999) / 1000;
    for (int i = 0; i < nodes; i++) {
      admin
          .nodes()
          .resource(
              admin
                  .getKubernetesSerialization()
                  .unmarshal(
                      """
          apiVersion: v1
          kind: Node
          metadata:
            name: kwok-fault-run-%d
            annotations: {kwok.x-k8s.io/node: fake, node.alpha.kubernetes.io/ttl: "0"}
            labels: {type: kwok, kubernetes.io/hostname: kwok-fault-run-%d, kubernetes.io/os: linux}
          status:
            allocatable: {cpu: "256", memory: 1Ti, pods: "1000"}
            capacity: {cpu: "256", memory: 1Ti, pods: "1000"}
          """
                          .formatted(i, i),
                      io.fabric8.kubernetes.api.model.Node.class))
          .forceConflicts()
          .serverSideApply();
    }
  }

  /** The wave's shared faults, spread over its fault phase. */
  private void drive(
      int wave,
      long phaseStart,
      List<ScenarioRun> runs,
      ApiFaultProxy proxy,
      PrometheusControl control,
      OperatorReplicas operators,
      Map<FaultKind, Long> faults)
      throws Exception {
    SplittableRandom r = new SplittableRandom(options.seed() * 31 + wave);
    List<FaultKind> kinds = new ArrayList<>();
    kinds.add(GLOBAL.get(wave % GLOBAL.size()));
    int more = r.nextInt(1, 3);
    while (kinds.size() < 1 + more) {
      FaultKind k = GLOBAL.get(r.nextInt(GLOBAL.size()));
      if (!kinds.contains(k)) {
        kinds.add(k);
      }
    }
    long slot = options.faultPhaseMillis() / kinds.size();
    for (int i = 0; i < kinds.size(); i++) {
      long at = phaseStart + i * slot + r.nextLong(500, Math.max(501, slot / 3));
      sleepUntil(at);
      FaultKind k = inject(kinds.get(i), r, runs, proxy, control, operators);
      faults.merge(k, 1L, Long::sum);
      log.add(
          String.format(
              Locale.ROOT,
              "wave %d +%.1fs %s",
              wave,
              (System.currentTimeMillis() - phaseStart) / 1000.0,
              k));
    }
    sleepUntil(phaseStart + options.faultPhaseMillis());
  }

  private FaultKind inject(
      FaultKind kind,
      SplittableRandom r,
      List<ScenarioRun> runs,
      ApiFaultProxy proxy,
      PrometheusControl control,
      OperatorReplicas operators)
      throws Exception {
    switch (kind) {
      case OPERATOR_KILL -> operators.killAll(Duration.ofMillis(r.nextLong(500, 3000)));
      case OPERATOR_KILL_MID_TRANSITION -> {
        boolean seen = awaitTransition(runs, 10_000);
        operators.killAll(Duration.ofMillis(r.nextLong(500, 3000)));
        if (!seen) {
          return FaultKind.OPERATOR_KILL;
        }
      }
      case LEADER_FAILOVER -> {
        Duration took = operators.killLeader(Duration.ofSeconds(30));
        if (took == null) {
          // no replica held the Lease at that moment: it was a kill of a replica all the same
          return FaultKind.OPERATOR_KILL;
        }
        failovers.add(took.toMillis());
      }
      case PROMETHEUS_STOPPED -> {
        control.kill();
        try {
          Thread.sleep(r.nextLong(2000, 6000));
        } finally {
          control.restart();
        }
      }
      case PROMETHEUS_SLOW -> {
        control.freeze();
        try {
          Thread.sleep(r.nextLong(1500, 5000));
        } finally {
          control.thaw();
        }
      }
      case CLOCK_JUMP_DST -> operators.jumpAcrossDst(Duration.ofSeconds(r.nextLong(5, 40)));
      case API_FAULT_WINDOW -> {
        proxy.enable(ApiFaultProxy.Rates.random(r));
        try {
          Thread.sleep(r.nextLong(4000, 9000));
        } finally {
          proxy.disable();
        }
      }
      default -> throw new IllegalArgumentException(kind.toString());
    }
    return kind;
  }

  /**
   * Waits until a budget of this wave has a consumer shrinking, or waiting for others to shrink.
   */
  private boolean awaitTransition(List<ScenarioRun> runs, long withinMillis)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + withinMillis;
    while (System.currentTimeMillis() < deadline) {
      try {
        for (ConnectionBudget b :
            admin
                .resources(ConnectionBudget.class)
                .inAnyNamespace()
                .withLabel(ClusterSampler.LABEL)
                .list()
                .getItems()) {
          boolean ours =
              runs.stream().anyMatch(r -> r.namespace().equals(b.getMetadata().getNamespace()));
          if (ours
              && b.getStatus() != null
              && b.getStatus().getConsumers().stream()
                  .anyMatch(
                      g ->
                          g.getPhase() == ConsumerPhase.SHRINKING
                              || g.getPhase() == ConsumerPhase.WAITING)) {
            return true;
          }
        }
      } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
        // a busy API server: look again
      }
      Thread.sleep(100);
    }
    return false;
  }

  private static void sleepUntil(long millis) throws InterruptedException {
    long wait = millis - System.currentTimeMillis();
    if (wait > 0) {
      Thread.sleep(wait);
    }
  }
}
