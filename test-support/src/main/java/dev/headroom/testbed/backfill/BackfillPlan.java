package dev.headroom.testbed.backfill;

import dev.headroom.testbed.Prometheus.Alignment;
import dev.headroom.testbed.load.Series;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A trace ready for backfilling: its rows, the series they become ({@code metric{trace="NAME",
 * labels...}}, NAME being the file name without {@code .csv}) and the shift that makes them end
 * just before {@code end}.
 */
public record BackfillPlan(String trace, Series series, List<TracePoint> points, TraceShift shift) {

  public static BackfillPlan of(
      Path csv, String metric, Map<String, String> labels, Alignment alignment, Instant end) {
    if (labels.containsKey("trace")) {
      throw new IllegalArgumentException("label trace is set from the file name; do not give it");
    }
    String trace = csv.getFileName().toString().replaceFirst("\\.csv$", "");
    Map<String, String> all = new TreeMap<>(labels);
    all.put("trace", trace);
    Series series = Series.of(metric, all);
    List<TracePoint> points = TraceCsv.read(csv);
    return new BackfillPlan(trace, series, points, TraceShift.fit(points, end, alignment));
  }

  public long firstSecond() {
    return points.get(0).epochSecond() + shift.shiftSeconds();
  }

  public long lastSecond() {
    return points.get(points.size() - 1).epochSecond() + shift.shiftSeconds();
  }

  /** Writes the OpenMetrics file that promtool turns into blocks. */
  public void writeOpenMetrics(Path target) {
    OpenMetricsTrace.write(target, series, points, shift);
  }

  /**
   * The summary line of {@code scripts/testbed backfill}: {@code trace=T metric=M interval=S
   * shift=S first=EPOCH last=EPOCH samples=N}.
   */
  public String summary() {
    return "trace=%s metric=%s interval=%d shift=%d first=%d last=%d samples=%d"
        .formatted(
            trace,
            series.metric(),
            shift.intervalSeconds(),
            shift.shiftSeconds(),
            firstSecond(),
            lastSecond(),
            points.size());
  }
}
