package dev.headroom.operator.it;

import dev.headroom.testbed.Prometheus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Series the test bed's Prometheus scrapes, as applications would expose them: counters that grow
 * at a steady rate (so that {@code rate(x[2m])} answers that rate) and gauges. Counters are
 * advanced twice a second from the time that really passed.
 */
final class LiveSeries implements AutoCloseable {

  private record Counter(String metric, Map<String, String> labels, double perSecond) {}

  private final Prometheus prometheus;
  private final List<Counter> counters = new ArrayList<>();
  private final List<Double> totals = new ArrayList<>();
  private final ScheduledExecutorService ticker =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "live-series");
            t.setDaemon(true);
            return t;
          });
  private long last = System.nanoTime();

  LiveSeries(Prometheus prometheus) {
    this.prometheus = prometheus;
  }

  /** A counter growing by {@code perSecond} every second, from 0. */
  synchronized LiveSeries counter(String metric, Map<String, String> labels, double perSecond) {
    counters.add(new Counter(metric, labels, perSecond));
    totals.add(0.0);
    prometheus.setLoad(metric, labels, 0);
    return this;
  }

  LiveSeries gauge(String metric, Map<String, String> labels, double value) {
    prometheus.setLoad(metric, labels, value);
    return this;
  }

  LiveSeries start() {
    ticker.scheduleAtFixedRate(this::tick, 500, 500, TimeUnit.MILLISECONDS);
    return this;
  }

  private synchronized void tick() {
    long now = System.nanoTime();
    double seconds = (now - last) / 1e9;
    last = now;
    for (int i = 0; i < counters.size(); i++) {
      Counter c = counters.get(i);
      totals.set(i, totals.get(i) + c.perSecond() * seconds);
      prometheus.setLoad(c.metric(), c.labels(), Math.floor(totals.get(i)));
    }
  }

  @Override
  public void close() {
    ticker.shutdownNow();
  }
}
