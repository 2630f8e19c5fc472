package dev.headroom.operator.bench;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One run's figures; {@code null} where it could not be measured (the table says why). */
record BenchmarkResult(
    int policies,
    int hot,
    int idle,
    Duration allDecided,
    int decided,
    double reconcilesPerSecond,
    Double latencyP50,
    Double latencyP99,
    Double patchP50,
    Double patchP99,
    int patchSamples,
    int latencySamples,
    int latencySampled,
    long heapBytes,
    long liveHeapBytes,
    long rssBytes,
    long peakRssBytes,
    double apiRequestsPerSecond,
    double promQueriesPerSecond,
    String heap,
    String syncPeriod,
    int cores,
    double loadAverage,
    double operatorCores,
    double cpuMsPerReconcile,
    double changeCores,
    LocalDate date) {

  static final String HEADER =
      "| date | cores (load avg) | commit | policies (hot + idle) | sync | heap max (memory limit) | all decided after | reconciles/s"
          + " | load change → scale patch p50 / p99 (n); seen by a watch | heap used (after full GC) | RSS (peak) | API req/s | Prometheus queries/s | operator CPU steady (per reconcile); during the load change |";
  static final String RULE =
      "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|";

  String row(String commit) {
    String decidedText =
        allDecided == null
            ? "not all: " + decided + " of " + policies
            : String.format(Locale.ROOT, "%.1f s", allDecided.toMillis() / 1000.0);
    String watched =
        latencySamples == 0
            ? "none seen"
            : String.format(Locale.ROOT, "%.2f s / %.2f s", latencyP50, latencyP99);
    String latency =
        patchSamples == 0
            ? "none patched of " + latencySampled + "; " + watched
            : String.format(
                Locale.ROOT,
                "%.2f s / %.2f s (%d of %d); %s",
                patchP50,
                patchP99,
                patchSamples,
                latencySampled,
                watched);
    return String.format(
        Locale.ROOT,
        "| %s | %d (%.0f) | %s | %,d (%d + %,d) | %s | %s | %s | %.1f | %s | %d MiB (%d MiB) | %d MiB (%d MiB) | %.1f | %.1f | %.2f cores (%.1f ms); %.2f cores |",
        date,
        cores,
        loadAverage,
        commit,
        policies,
        hot,
        idle,
        syncPeriod,
        heap,
        decidedText,
        reconcilesPerSecond,
        latency,
        heapBytes >> 20,
        liveHeapBytes >> 20,
        rssBytes >> 20,
        peakRssBytes >> 20,
        apiRequestsPerSecond,
        promQueriesPerSecond,
        operatorCores,
        cpuMsPerReconcile,
        changeCores);
  }

  static String commit() {
    return System.getProperty("headroom.commit", "unknown");
  }

  static String table(List<BenchmarkResult> results) {
    List<String> lines = new ArrayList<>(List.of(HEADER, RULE));
    results.forEach(r -> lines.add(r.row(commit())));
    return String.join("\n", lines);
  }
}
