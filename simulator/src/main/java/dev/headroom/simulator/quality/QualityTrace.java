package dev.headroom.simulator.quality;

import dev.headroom.simulator.input.Trace;
import dev.headroom.simulator.input.TraceReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * A public trace bundled for the quality benchmark ({@code quality/README.md} names source, licence
 * and aggregation of each).
 *
 * @param name shown in the table
 * @param file the CSV under {@code dev/headroom/simulator/quality/}, gzipped if it ends in {@code
 *     .gz}
 */
public record QualityTrace(String name, String file) {

  static final String BASE = "/dev/headroom/simulator/quality/";

  /** The bundled traces, in table order. */
  public static final List<QualityTrace> ALL =
      List.of(
          new QualityTrace("ClarkNet 1995 (2 weeks)", "clarknet-hour.csv"),
          new QualityTrace("NASA Jul 1995 (4 weeks)", "nasa-1-hour.csv"),
          new QualityTrace("NASA Aug 1995 (4 weeks)", "nasa-2-hour.csv"),
          new QualityTrace("Madrid 2018 (4 weeks)", "madrid-hour.csv"),
          new QualityTrace("Saskatchewan 1995 (7 months)", "saskatchewan-hour.csv"),
          new QualityTrace("BU 1994-95 (6 months)", "bu-hour.csv"),
          new QualityTrace("Calgary 1994-95 (1 year)", "calgary-hour.csv"),
          new QualityTrace("Wikipedia 2021 (1 year)", "wikipedia21-hour.csv"),
          new QualityTrace("World Cup 1998 (87 days, per minute)", "wc98-minute.csv.gz"),
          new QualityTrace(
              "Azure Functions 2019 (8 h, per minute)", "azure-functions-8h-minute.csv"));

  public Trace read() {
    try (InputStream raw = QualityTrace.class.getResourceAsStream(BASE + file)) {
      if (raw == null) {
        throw new IllegalStateException("bundled trace missing: " + file);
      }
      InputStream in = file.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
      return new TraceReader()
          .read("quality/" + file, new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * What one replica serves: the median rate over ten replicas (of the intervals with any requests,
   * so that a trace idle most of the time still has a capacity).
   */
  public static double capacity(Trace trace) {
    double[] rates = new double[trace.size()];
    int n = 0;
    for (int i = 0; i < trace.size(); i++) {
      if (trace.rate(i) > 0) {
        rates[n++] = trace.rate(i);
      }
    }
    if (n == 0) {
      throw new IllegalArgumentException(trace.source() + " has no requests");
    }
    Arrays.sort(rates, 0, n);
    double median = n % 2 == 1 ? rates[n / 2] : (rates[n / 2 - 1] + rates[n / 2]) / 2;
    return median / 10;
  }
}
