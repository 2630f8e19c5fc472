package dev.headroom.operator.bench;

import dev.headroom.operator.api.v1alpha1.ScalingPolicy;
import dev.headroom.operator.it.OperatorProcess;
import dev.headroom.testbed.TestBed;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The operator benchmark on the real test bed: N ScalingPolicies over N Deployments (100 of them
 * with kwok pods, the rest idle at zero replicas) in 10 namespaces with one ConnectionBudget each,
 * load from Prometheus with one series per policy. Measures the time to the first decision of every
 * policy, the steady reconcile rate, the latency from a load change to the scale patch, heap and
 * RSS, and the API and Prometheus requests the operator causes. See docs/benchmarks.md.
 *
 * <p>Run through {@code benchmarks/operator-bench}, never by the unit or integration tests.
 */
public final class OperatorBenchmark {

  static final int NAMESPACES = 10;
  static final int HOT = 100;
  static final int HOT_REPLICAS = 2;
  static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(10);
  static final Duration DRAIN_STEP = Duration.ofSeconds(10);
  static final double DRAINED_ROUNDS = 2; // rounds/s below which the start-up is over
  static final double HOT_LOAD = 20; // 2 replicas at 10 per replica
  static final double HOT_LOAD_CHANGED = 40; // 4 replicas
  static final int LATENCY_SAMPLE = 50;
  static final String METRIC = "headroom_bench_load";
  static final String FLOW_SCHEMA = "headroom-bench";

  /**
   * The JVM options of the operator's image ({@code OperatorImage.ENTRYPOINT}, kept equal by hand),
   * plus the collector the JVM picks in the chart's pod (at most 1 CPU, under 1792 MiB).
   */
  static final String IMAGE_JVM_OPTIONS =
      "-XX:MaxRAMPercentage=50.0 -XX:NewRatio=3 -XX:+ExitOnOutOfMemoryError -XX:+UseSerialGC";

  private final BenchmarkOptions options;
  // HTTP/1.1: an HTTP/2 server may close a long-lived connection with GOAWAY between two samples.
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  OperatorBenchmark(BenchmarkOptions options) {
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    BenchmarkOptions options;
    try {
      options = BenchmarkOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("operator-bench: " + e.getMessage());
      System.err.println(BenchmarkOptions.USAGE);
      System.exit(2);
      return;
    }
    if (options.help()) {
      System.out.println(BenchmarkOptions.USAGE);
      return;
    }
    List<BenchmarkResult> results = new ArrayList<>();
    OperatorBenchmark bench = new OperatorBenchmark(options);
    for (int n : options.policies()) {
      BenchmarkResult r = bench.run(n);
      results.add(r);
      System.out.println();
      System.out.println(BenchmarkResult.table(results));
    }
    if (options.writeDocs()) {
      Path doc = TestBed.findRepoRoot().resolve("docs/benchmarks.md");
      BenchmarkDoc.append(doc, results);
      System.err.println("operator-bench: appended " + results.size() + " row(s) to " + doc);
    }
    System.exit(0);
  }

  BenchmarkResult run(int policies) throws Exception {
    log("=== " + policies + " policies ===");
    TestBed bed = TestBed.start(TestBed.findRepoRoot());
    try (KubernetesClient admin = bed.newClient(null)) {
      bed.prometheus();
      Layout layout = new Layout(policies, NAMESPACES, HOT);
      Path loadDir = Path.of(bed.env().get("HEADROOM_TESTBED_DIR"), "prometheus", "load");
      OperatorProcess.install(bed, admin);
      flowSchema(admin);
      Instant setupStart = Instant.now();
      writeLoad(loadDir, layout, Map.of());
      create(admin, layout);
      awaitDeploymentsSettled(admin, layout);
      log("setup done in " + secs(Duration.between(setupStart, Instant.now())) + " s");

      Map<String, Instant> decided = new ConcurrentHashMap<>();
      SharedIndexInformer<ScalingPolicy> policyInformer =
          admin
              .resources(ScalingPolicy.class)
              .inAnyNamespace()
              .withLabel("headroom-bench")
              .inform(
                  new ResourceEventHandler<>() {
                    @Override
                    public void onAdd(ScalingPolicy p) {
                      seen(p);
                    }

                    @Override
                    public void onUpdate(ScalingPolicy a, ScalingPolicy p) {
                      seen(p);
                    }

                    @Override
                    public void onDelete(ScalingPolicy p, boolean unknown) {}

                    private void seen(ScalingPolicy p) {
                      if (p.getStatus() != null && p.getStatus().getDesiredReplicas() != null) {
                        decided.putIfAbsent(
                            p.getMetadata().getNamespace() + "/" + p.getMetadata().getName(),
                            Instant.now());
                      }
                    }
                  },
                  0);
      Map<String, Integer> replicas = new ConcurrentHashMap<>();
      Map<String, Instant> scaled = new ConcurrentHashMap<>();
      Map<String, Integer> baseline = new ConcurrentHashMap<>();
      SharedIndexInformer<Deployment> hotDeployments =
          admin
              .apps()
              .deployments()
              .inAnyNamespace()
              .withLabel("headroom-bench", "hot")
              .inform(
                  new ResourceEventHandler<>() {
                    @Override
                    public void onAdd(Deployment d) {
                      seen(d);
                    }

                    @Override
                    public void onUpdate(Deployment a, Deployment d) {
                      seen(d);
                    }

                    @Override
                    public void onDelete(Deployment d, boolean unknown) {}

                    private void seen(Deployment d) {
                      String id = d.getMetadata().getNamespace() + "/" + d.getMetadata().getName();
                      int r = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
                      replicas.put(id, r);
                      Integer before = baseline.get(id);
                      if (before != null && r > before) {
                        scaled.putIfAbsent(id, Instant.now());
                      }
                    }
                  },
                  0);

      Map<String, String> settings =
          Map.of(
              "HEADROOM_SYNC_PERIOD", options.syncPeriod(),
              "HEADROOM_TRANSITION_POLL_PERIOD", "2s",
              "HEADROOM_BUDGET_SYNC_PERIOD", "30s");
      // The JVM of the chart's pod: the image's options, sizing the heap to the pod's memory limit
      // as it does in a container (-XX:MaxRAM stands for the cgroup limit, and also makes the
      // initial heap the container's small one rather than a share of this machine's memory).
      System.setProperty("headroom.operatorXmx", options.xmx() == null ? "" : options.xmx());
      String jvmOptions = IMAGE_JVM_OPTIONS + " -XX:MaxRAM=" + options.memoryLimit();
      Path logFile = Path.of("target", "operator-bench-" + policies + ".log");
      Path jfrFile = Path.of("target", "operator-bench-" + policies + ".jfr").toAbsolutePath();
      System.setProperty(
          "headroom.operatorJvmOptions",
          options.jfr()
              ? jvmOptions
                  + " -XX:StartFlightRecording:settings=profile,dumponexit=true,filename="
                  + jfrFile
              : jvmOptions);
      Files.createDirectories(logFile.getParent());
      Files.deleteIfExists(logFile);
      try (OperatorProcess operator =
          new OperatorProcess(bed, admin, settings, "operator-bench-" + policies)) {
        Instant start = Instant.now();
        operator.start();
        log("operator started (pid " + operator.pid() + ", log " + operator.log() + ")");
        if (options.jfr()) {
          log("flight recording to " + jfrFile + " (written when the operator stops)");
        }
        Instant deadline = start.plus(options.decisionTimeout());
        while (decided.size() < layout.policies() && Instant.now().isBefore(deadline)) {
          if (!operator.alive()) {
            throw new IllegalStateException("the operator exited; see " + operator.log());
          }
          Thread.sleep(1000);
          if (decided.size() % 100 == 0 || Math.random() < 0.1) {
            log(
                "decided "
                    + decided.size()
                    + "/"
                    + layout.policies()
                    + " after "
                    + secs(Duration.between(start, Instant.now()))
                    + " s");
          }
        }
        Duration firstDecisions =
            decided.size() < layout.policies()
                ? null
                : Duration.between(start, decided.values().stream().max(Instant::compareTo).get());
        log(
            "all decided: "
                + (firstDecisions == null
                    ? "NO (" + decided.size() + ")"
                    : secs(firstDecisions) + " s"));

        // Steady state: the operator runs on its sync period with nothing changing, once the
        // start-up (grants issued, acknowledged, held connections released) has drained.
        Thread.sleep(options.settle().toMillis());
        log(
            !awaitDrained(admin, bed, operator)
                ? "start-up not drained after " + secs(DRAIN_TIMEOUT) + " s more; measuring anyway"
                : "start-up drained "
                    + secs(Duration.between(start, Instant.now()))
                    + " s after"
                    + " the operator started");
        Sample before = sample(admin, bed, operator);
        Thread.sleep(options.window().toMillis());
        Sample after = sample(admin, bed, operator);
        double seconds = Duration.between(before.at, after.at).toMillis() / 1000.0;
        double reconcileRate = (after.reconciles - before.reconciles) / seconds;
        double apiRate = (after.operatorRequests - before.operatorRequests) / seconds;
        double promRate = (after.promQueries - before.promQueries) / seconds;
        double cores = (after.cpuSeconds - before.cpuSeconds) / seconds;
        double cpuPerReconcile = reconcileRate <= 0 ? Double.NaN : cores / reconcileRate * 1000;
        logPhases(admin);
        log(
            String.format(
                "steady: %.1f reconciles/s, %.1f API req/s, %.1f Prometheus queries/s"
                    + " (load average %.1f), operator CPU %.2f cores, %.1f ms per reconcile",
                reconcileRate, apiRate, promRate, after.loadAverage, cores, cpuPerReconcile));

        // Latency: raise the load of a sample of hot policies, time until their Deployment grows.
        List<String> sample =
            layout.hotIds().subList(0, Math.min(LATENCY_SAMPLE, layout.hotIds().size()));
        for (String id : sample) {
          baseline.put(id, replicas.getOrDefault(id, HOT_REPLICAS));
        }
        Map<String, Double> changed = new ConcurrentHashMap<>();
        sample.forEach(id -> changed.put(id, HOT_LOAD_CHANGED));
        Sample changeStart = sample(admin, bed, operator);
        Instant written = Instant.now();
        writeLoad(loadDir, layout, changed);
        // The clock starts when Prometheus answers the new value (the next scrape after the write).
        Instant t0 = queryable(bed, sample.get(0), HOT_LOAD_CHANGED, written.plusSeconds(30));
        log(
            "new load queryable "
                + (Duration.between(written, t0).toMillis())
                + " ms after the write, at "
                + t0);
        Instant latencyDeadline = t0.plus(options.latencyTimeout());
        while (scaled.size() < sample.size() && Instant.now().isBefore(latencyDeadline)) {
          Thread.sleep(100);
        }
        List<Double> latencies = secondsAfter(t0, sample, scaled);
        log("scaled " + latencies.size() + "/" + sample.size() + " sampled targets");
        // The same, to the moment the API server answered each scale patch (its audit log),
        // without the time its watch takes to tell the benchmark under the load of the change.
        // The audit log is written after the answer; give its last lines a few seconds.
        Map<String, Instant> patched = ScalePatchAudit.answered(bed.apiServerAudit(), written);
        for (int wait = 0; wait < 50 && !patched.keySet().containsAll(scaled.keySet()); wait++) {
          Thread.sleep(100);
          patched = ScalePatchAudit.answered(bed.apiServerAudit(), written);
        }
        List<Double> patchLatencies = secondsAfter(t0, sample, patched);
        log(
            String.format(
                "scale patches answered (audit log): %d, p50 %.2f s, p99 %.2f s after queryable",
                patchLatencies.size(),
                percentile(patchLatencies, 50),
                percentile(patchLatencies, 99)));
        Sample end = sample(admin, bed, operator);
        double changeSeconds = Duration.between(changeStart.at, end.at).toMillis() / 1000.0;
        double changeCores = (end.cpuSeconds - changeStart.cpuSeconds) / changeSeconds;
        double changeApi = (end.operatorRequests - changeStart.operatorRequests) / changeSeconds;
        double changeProm = (end.promQueries - changeStart.promQueries) / changeSeconds;
        log(
            String.format(
                "load change: %.1f s, operator CPU %.2f cores, %.1f API req/s, %.1f"
                    + " Prometheus queries/s",
                changeSeconds, changeCores, changeApi, changeProm));
        MetricsText opEnd = MetricsText.parse(get(operator.metricsUrl()));
        log(
            String.format(
                "operator: %.0f signal wake-ups, %.0f scale writes timed from the signal"
                    + " (mean %.2f s), %.0f status conflicts (budget %.0f)",
                opEnd.sum("headroom_signal_wakeups_total", Map.of()),
                opEnd.sum("headroom_signal_to_scale_seconds_count", Map.of()),
                opEnd.sum("headroom_signal_to_scale_seconds_sum", Map.of())
                    / Math.max(1, opEnd.sum("headroom_signal_to_scale_seconds_count", Map.of())),
                opEnd.sum("headroom_status_conflicts_total", Map.of()),
                opEnd.sum(
                    "headroom_status_conflicts_total", Map.of("controller", "connectionbudget"))));
        Map<String, String> instant = Map.of("type", "instant");
        log(
            String.format(
                "operator: Prometheus instant queries took %.3f s on average (%.0f queries)",
                opEnd.sum("headroom_prometheus_query_seconds_sum", instant)
                    / Math.max(1, opEnd.sum("headroom_prometheus_query_seconds_count", instant)),
                opEnd.sum("headroom_prometheus_query_seconds_count", instant)));
        long liveHeap = liveHeap(operator);
        long maxHeap = (long) opEnd.sum("jvm_memory_max_bytes", Map.of("area", "heap"));
        policyInformer.close();
        hotDeployments.close();
        return new BenchmarkResult(
            policies,
            layout.hot(),
            layout.policies() - layout.hot(),
            firstDecisions,
            decided.size(),
            reconcileRate,
            percentile(latencies, 50),
            percentile(latencies, 99),
            percentile(patchLatencies, 50),
            percentile(patchLatencies, 99),
            patchLatencies.size(),
            latencies.size(),
            sample.size(),
            Math.max(before.heapBytes, Math.max(after.heapBytes, end.heapBytes)),
            liveHeap,
            Math.max(before.rssBytes, Math.max(after.rssBytes, end.rssBytes)),
            procStatusBytes(operator.pid(), "VmHWM:"),
            apiRate,
            promRate,
            (maxHeap >> 20)
                + "m ("
                + (options.xmx() == null ? options.memoryLimit() : "-Xmx")
                + ")",
            options.syncPeriod(),
            Runtime.getRuntime().availableProcessors(),
            (before.loadAverage + after.loadAverage) / 2,
            cores,
            cpuPerReconcile,
            changeCores,
            LocalDate.now(ZoneOffset.UTC));
      }
    } finally {
      bed.close();
    }
  }

  /** When Prometheus first answers {@code value} for the series of policy {@code id}. */
  private Instant queryable(TestBed bed, String id, double value, Instant deadline)
      throws Exception {
    String[] nsName = id.split("/", 2);
    String query = METRIC + "{namespace=\"" + nsName[0] + "\",policy=\"" + nsName[1] + "\"}";
    URI uri =
        URI.create(
            bed.prometheus().url()
                + "/api/v1/query?query="
                + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8));
    while (Instant.now().isBefore(deadline)) {
      String body = get(uri);
      Instant at = Instant.now();
      if (body.contains("\"" + (long) value + "\"")) {
        return at;
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException("Prometheus did not answer the new load within 30 s");
  }

  /**
   * Waits until every budget consumer is {@code STABLE} and fewer than {@link #DRAINED_ROUNDS}
   * policy rounds a second ran over {@link #DRAIN_STEP}; false after {@link #DRAIN_TIMEOUT}.
   */
  private boolean awaitDrained(KubernetesClient admin, TestBed bed, OperatorProcess operator)
      throws Exception {
    Instant started = Instant.now();
    Sample last = sample(admin, bed, operator);
    while (Instant.now().isBefore(started.plus(DRAIN_TIMEOUT))) {
      Thread.sleep(DRAIN_STEP.toMillis());
      Sample now = sample(admin, bed, operator);
      double rate =
          (now.reconciles - last.reconciles) / (Duration.between(last.at, now.at).toMillis() / 1e3);
      last = now;
      Map<String, Integer> phases = phases(admin);
      if (rate < DRAINED_ROUNDS && phases.keySet().equals(java.util.Set.of("STABLE"))) {
        return true;
      }
      log(String.format("draining: %.1f rounds/s, consumers %s", rate, phases));
    }
    return false;
  }

  /** How many consumers of the budgets are in each grant phase (all stable when nothing moves). */
  private static void logPhases(KubernetesClient admin) {
    log("budget consumers by phase: " + phases(admin));
  }

  private static Map<String, Integer> phases(KubernetesClient admin) {
    Map<String, Integer> phases = new java.util.TreeMap<>();
    for (var b :
        admin
            .resources(dev.headroom.operator.api.v1alpha1.ConnectionBudget.class)
            .inAnyNamespace()
            .list()
            .getItems()) {
      if (b.getStatus() != null) {
        b.getStatus()
            .getConsumers()
            .forEach(c -> phases.merge(String.valueOf(c.getPhase()), 1, Integer::sum));
      }
    }
    return phases;
  }

  /** Seconds from {@code t0} to each sampled target's time in {@code at}, sorted. */
  static List<Double> secondsAfter(Instant t0, List<String> sample, Map<String, Instant> at) {
    return sample.stream()
        .filter(at::containsKey)
        .map(id -> Math.max(0, Duration.between(t0, at.get(id)).toMillis()) / 1000.0)
        .sorted()
        .toList();
  }

  static Double percentile(List<Double> sorted, int p) {
    if (sorted.isEmpty()) {
      return null;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }

  // ---- setup --------------------------------------------------------------------------------

  /** Every request of the operator's service account is dispatched under this flow schema. */
  private static void flowSchema(KubernetesClient admin) {
    String yaml =
        """
        apiVersion: flowcontrol.apiserver.k8s.io/v1
        kind: FlowSchema
        metadata: {name: %s}
        spec:
          matchingPrecedence: 500
          priorityLevelConfiguration: {name: workload-low}
          distinguisherMethod: {type: ByUser}
          rules:
          - subjects:
            - kind: ServiceAccount
              serviceAccount: {name: %s, namespace: %s}
            resourceRules:
            - {verbs: ["*"], apiGroups: ["*"], resources: ["*"], namespaces: ["*"], clusterScope: true}
            nonResourceRules:
            - {verbs: ["*"], nonResourceURLs: ["*"]}
        """
            .formatted(FLOW_SCHEMA, OperatorProcess.SERVICE_ACCOUNT, OperatorProcess.NAMESPACE);
    GenericKubernetesResource fs =
        admin.getKubernetesSerialization().unmarshal(yaml, GenericKubernetesResource.class);
    admin.resource(fs).forceConflicts().serverSideApply();
  }

  private void create(KubernetesClient admin, Layout layout) throws Exception {
    for (String ns : layout.namespaces()) {
      admin
          .namespaces()
          .resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
          .serverSideApply();
      admin.resource(layout.budget(ns, admin)).serverSideApply();
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (Layout.Target t : layout.targets()) {
        work.add(
            pool.submit(
                () -> {
                  admin.resource(layout.deployment(t)).serverSideApply();
                  admin.resource(layout.policy(t, admin)).serverSideApply();
                }));
      }
      int done = 0;
      for (Future<?> f : work) {
        f.get();
        if (++done % 1000 == 0) {
          log("created " + done + "/" + work.size() + " Deployments and policies");
        }
      }
    } finally {
      pool.shutdown();
    }
  }

  /** Watches (rather than lists, which would load the API server) until the controller is done. */
  private void awaitDeploymentsSettled(KubernetesClient admin, Layout layout)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(30));
    try (SharedIndexInformer<Deployment> all =
        admin.apps().deployments().inAnyNamespace().withLabel("headroom-bench").inform()) {
      Instant lastLog = Instant.MIN;
      while (Instant.now().isBefore(deadline)) {
        int settled = 0;
        int hotReady = 0;
        for (Deployment d : all.getStore().list()) {
          if (d.getStatus() != null
              && d.getStatus().getObservedGeneration() != null
              && d.getStatus().getObservedGeneration().equals(d.getMetadata().getGeneration())) {
            settled++;
          }
          if ("hot".equals(d.getMetadata().getLabels().get("headroom-bench"))
              && d.getStatus() != null
              && d.getStatus().getReadyReplicas() != null
              && d.getStatus().getReadyReplicas() >= HOT_REPLICAS) {
            hotReady++;
          }
        }
        if (settled == layout.policies() && hotReady == layout.hot()) {
          return;
        }
        if (Instant.now().isAfter(lastLog.plusSeconds(15))) {
          log(
              "Deployments observed by their controller: "
                  + settled
                  + "/"
                  + layout.policies()
                  + ", hot ones ready: "
                  + hotReady
                  + "/"
                  + layout.hot());
          lastLog = Instant.now();
        }
        Thread.sleep(1000);
      }
    }
    throw new IllegalStateException("the Deployments did not settle within 30 minutes");
  }

  /** One series per policy; idle policies at 0, hot ones at HOT_LOAD unless changed. */
  static void writeLoad(Path dir, Layout layout, Map<String, Double> changed) throws IOException {
    Files.createDirectories(dir);
    StringBuilder hot = new StringBuilder();
    StringBuilder idle = new StringBuilder();
    for (Layout.Target t : layout.targets()) {
      double v = t.hot() ? changed.getOrDefault(t.id(), HOT_LOAD) : 0;
      (t.hot() ? hot : idle)
          .append(METRIC)
          .append("{namespace=\"")
          .append(t.namespace())
          .append("\",policy=\"")
          .append(t.name())
          .append("\"} ")
          .append(v)
          .append('\n');
    }
    replace(dir.resolve("bench-hot.prom"), hot.toString());
    replace(dir.resolve("bench-idle.prom"), idle.toString());
  }

  private static void replace(Path file, String content) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, content);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  // ---- sampling -----------------------------------------------------------------------------

  private record Sample(
      Instant at,
      double reconciles,
      double operatorRequests,
      double promQueries,
      long heapBytes,
      long rssBytes,
      double loadAverage,
      double cpuSeconds) {}

  private Sample sample(KubernetesClient admin, TestBed bed, OperatorProcess operator)
      throws Exception {
    Instant at = Instant.now();
    MetricsText op = MetricsText.parse(get(operator.metricsUrl()));
    MetricsText api = MetricsText.parse(admin.raw("/metrics"));
    MetricsText prom = MetricsText.parse(get(URI.create(bed.prometheus().url() + "/metrics")));
    double reconciles =
        op.sum("headroom_reconcile_seconds_count", Map.of("controller", "scalingpolicy"));
    double requests =
        api.sum(
            "apiserver_flowcontrol_dispatched_requests_total", Map.of("flow_schema", FLOW_SCHEMA));
    double queries = prom.sum("prometheus_http_requests_total", Map.of("handler", "/api/v1/query"));
    long heap = (long) op.sum("jvm_memory_used_bytes", Map.of("area", "heap"));
    double load = Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    return new Sample(
        at,
        reconciles,
        requests,
        queries,
        heap,
        rss(operator.pid()),
        load,
        cpuSeconds(operator.pid()));
  }

  /** Heap in use right after a full GC (jcmd GC.run): what the operator's objects really hold. */
  private long liveHeap(OperatorProcess operator) throws Exception {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    Process gc =
        new ProcessBuilder(jcmd.toString(), Long.toString(operator.pid()), "GC.run")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!gc.waitFor(2, TimeUnit.MINUTES) || gc.exitValue() != 0) {
      log("jcmd GC.run failed; heap after GC is not measured");
      return -1L << 20;
    }
    return (long)
        MetricsText.parse(get(operator.metricsUrl()))
            .sum("jvm_memory_used_bytes", Map.of("area", "heap"));
  }

  /** A GET whose exchange is asked again up to twice when the connection drops mid-way. */
  private String get(URI uri) throws IOException, InterruptedException {
    HttpResponse<String> r = send(uri);
    if (r.statusCode() != 200) {
      throw new IOException(uri + " answered " + r.statusCode());
    }
    return r.body();
  }

  private HttpResponse<String> send(URI uri) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).build();
    for (int attempt = 1; ; attempt++) {
      try {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (java.net.ConnectException | java.net.http.HttpTimeoutException e) {
        throw e;
      } catch (IOException e) {
        if (attempt == 3) {
          throw e;
        }
        log("GET " + uri + " failed (" + e.getMessage() + "), asking again");
        Thread.sleep(500);
      }
    }
  }

  /** User + system CPU time of a process, from /proc/PID/stat (clock ticks of 1/100 s). */
  static double cpuSeconds(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
  }

  static long rss(long pid) throws IOException {
    return procStatusBytes(pid, "VmRSS:");
  }

  /** A size from {@code /proc/PID/status}: VmRSS, or VmHWM (the largest RSS the process had). */
  static long procStatusBytes(long pid, String field) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith(field)) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    }
    return -1;
  }

  static String secs(Duration d) {
    return String.format("%.1f", d.toMillis() / 1000.0);
  }

  static void log(String message) {
    System.err.println(
        "operator-bench: "
            + Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
            + " "
            + message);
  }

  static void sleep(long ms) {
    try {
      TimeUnit.MILLISECONDS.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
