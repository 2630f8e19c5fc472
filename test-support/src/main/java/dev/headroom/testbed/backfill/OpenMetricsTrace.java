package dev.headroom.testbed.backfill;

import dev.headroom.testbed.load.Series;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a trace as an OpenMetrics gauge of requests per second, for {@code promtool tsdb
 * create-blocks-from openmetrics}: one sample per row at its shifted start time.
 */
public final class OpenMetricsTrace {

  private OpenMetricsTrace() {}

  /** Writes {@code series} for {@code points} moved by {@code shift} into {@code target}. */
  public static void write(Path target, Series series, List<TracePoint> points, TraceShift shift) {
    String text = series.text();
    try (BufferedWriter out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
      out.write(
          "# HELP " + series.metric() + " Requests per second replayed from a recorded trace.\n");
      out.write("# TYPE " + series.metric() + " gauge\n");
      for (TracePoint point : points) {
        double perSecond = point.requests() / shift.intervalSeconds();
        long at = point.epochSecond() + shift.shiftSeconds();
        out.write(text + " " + perSecond + " " + at + "\n");
      }
      out.write("# EOF\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }
}
