package dev.headroom.operator.bench;

import com.sun.net.httpserver.HttpServer;
import dev.headroom.engine.band.ValueBand;
import dev.headroom.operator.prometheus.PrometheusClient;
import dev.headroom.operator.prometheus.PrometheusEndpoint;
import dev.headroom.operator.signal.SeriesSelector;
import dev.headroom.operator.signal.SignalHub;
import dev.headroom.operator.signal.SignalWatch;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The signal hub's tick on its own: one shared query answering N series (as the operator
 * benchmark's {@code headroom_bench_load} does), N policies watching a band each, served by a local
 * HTTP server that answers what Prometheus would. Prints, per tick, the wall time and the bytes the
 * JVM allocated on every thread (HTTP client, parse, selection and band checks; the server's
 * answers are prepared before), median over the measured ticks, and appends the line to {@code
 * operator/target/signal-tick-benchmark.txt}.
 *
 * <pre>
 * java -cp ... dev.headroom.operator.bench.SignalTickBenchmark [series=10000] [ticks=60]
 * </pre>
 *
 * Not a test: a measurement, run by hand before and after a change to the tick's path.
 */
public final class SignalTickBenchmark {

  private SignalTickBenchmark() {}

  public static void main(String[] args) throws Exception {
    int series = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int ticks = args.length > 1 ? Integer.parseInt(args[1]) : 60;
    int warmup = Math.max(20, ticks / 2);
    // The operator logs at INFO; without Quarkus' configuration the JDK HTTP client's own debug
    // logging would be on here and count as the tick's allocation.
    org.jboss.logmanager.Logger.getLogger("").setLevel(java.util.logging.Level.INFO);
    // Prepared before measuring: the server's own work must not count as the tick's.
    byte[][] bodies = {answer(series, 0), answer(series, 1)};
    AtomicInteger served = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/api/v1/query",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          byte[] body = bodies[served.getAndIncrement() % 2];
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          // Chunked, as Prometheus sends its answers (no Content-Length).
          exchange.sendResponseHeaders(200, 0);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    try {
      PrometheusClient prometheus =
          new PrometheusClient(
              PrometheusEndpoint.of(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                  .withMaxResponseBytes(64L << 20));
      SignalHub hub =
          new SignalHub(prometheus, Clock.systemUTC(), Duration.ofSeconds(1), 100_000, () -> {});
      AtomicInteger woken = new AtomicInteger();
      hub.wakeWith(id -> woken.incrementAndGet());
      for (int i = 0; i < series; i++) {
        hub.watch(
            new ResourceID(name(i), namespace(i)),
            List.of(
                new SignalWatch(
                    new SeriesSelector(
                        OperatorBenchmark.METRIC,
                        Map.of("namespace", namespace(i), "policy", name(i))),
                    Optional.of(new ValueBand(15, 25)))));
      }
      var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
      for (int i = 0; i < warmup; i++) {
        hub.tick();
      }
      long[] nanos = new long[ticks];
      long[] bytes = new long[ticks];
      for (int i = 0; i < ticks; i++) {
        long allocated = allocated(threads);
        long start = System.nanoTime();
        hub.tick();
        nanos[i] = System.nanoTime() - start;
        bytes[i] = allocated(threads) - allocated;
      }
      if (woken.get() != 0) {
        throw new IllegalStateException(woken.get() + " policies woken; the bands hold the load");
      }
      Arrays.sort(nanos);
      Arrays.sort(bytes);
      String line =
          String.format(
              Locale.ROOT,
              "signal tick, %,d series and watchers: %.1f ms (median of %d; min %.1f), %.2f MiB"
                  + " allocated per tick (median; body %.2f MiB)",
              series,
              nanos[ticks / 2] / 1e6,
              ticks,
              nanos[0] / 1e6,
              bytes[ticks / 2] / 1048576.0,
              bodies[0].length / 1048576.0);
      System.out.println(line);
      Path out = Path.of("operator/target/signal-tick-benchmark.txt");
      if (Files.isDirectory(out.getParent())) {
        Files.writeString(
            out,
            line + System.lineSeparator(),
            StandardCharsets.UTF_8,
            java.nio.file.StandardOpenOption.CREATE,
            java.nio.file.StandardOpenOption.APPEND);
      }
    } finally {
      server.stop(0);
    }
  }

  /** Bytes allocated so far by every live thread. */
  private static long allocated(com.sun.management.ThreadMXBean threads) {
    long sum = 0;
    for (long b : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
      sum += Math.max(0, b);
    }
    return sum;
  }

  /** What Prometheus answers for the shared query: every series at 20, in a stable order. */
  private static byte[] answer(int series, int tick) {
    StringBuilder b = new StringBuilder(series * 160);
    String at = String.format(Locale.ROOT, "%d.%03d", 1_765_000_000L + tick, tick % 1000);
    b.append("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[");
    List<String> items = new ArrayList<>(series);
    for (int i = 0; i < series; i++) {
      items.add(
          "{\"metric\":{\"__name__\":\""
              + OperatorBenchmark.METRIC
              + "\",\"instance\":\"127.0.0.1:9464\",\"job\":\"load\",\"namespace\":\""
              + namespace(i)
              + "\",\"policy\":\""
              + name(i)
              + "\"},\"value\":["
              + at
              + ",\"20\"]}");
    }
    b.append(String.join(",", items)).append("]}}");
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String namespace(int i) {
    return "bench-" + (i % 10);
  }

  private static String name(int i) {
    return String.format(Locale.ROOT, "svc-%05d", i);
  }
}
