package dev.headroom.testbed.load;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One live series of the load exporter, {@code metric{k="v",...}}, and the file that holds it.
 *
 * <p>This is the only place that says how a series is written (labels sorted by name, values
 * escaped as the Prometheus text format asks) and which file in the load directory holds it (the
 * first 16 hex digits of the SHA-256 of that text, plus {@code .prom}). {@code scripts/testbed
 * load} and {@code Prometheus.setLoad} both go through it, so they replace each other's values.
 */
public record Series(String metric, SortedMap<String, String> labels) {

  private static final Pattern METRIC = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

  public Series {
    if (metric == null || !METRIC.matcher(metric).matches()) {
      throw new IllegalArgumentException("'" + metric + "' is not a Prometheus metric name");
    }
    labels = new TreeMap<>(labels);
    for (var label : labels.entrySet()) {
      if (!LABEL.matcher(label.getKey()).matches() || label.getKey().startsWith("__")) {
        throw new IllegalArgumentException(
            "'" + label.getKey() + "' is not a Prometheus label name");
      }
      if (label.getValue() == null) {
        throw new IllegalArgumentException("label " + label.getKey() + " has no value");
      }
    }
    labels = java.util.Collections.unmodifiableSortedMap(labels);
  }

  public static Series of(String metric, Map<String, String> labels) {
    return new Series(metric, new TreeMap<>(labels));
  }

  /**
   * {@code metric} with labels given as {@code k=v,k=v} (empty for none), as on the command line.
   */
  public static Series parse(String metric, String labels) {
    return of(metric, LabelList.parse(labels));
  }

  /** {@code metric{k="v",...}}, labels sorted by name. */
  public String text() {
    return metric
        + labels.entrySet().stream()
            .map(e -> e.getKey() + "=\"" + escape(e.getValue()) + "\"")
            .collect(Collectors.joining(",", "{", "}"));
  }

  /** The name of the file in the load directory that holds this series. */
  public String fileName() {
    return fileStem() + ".prom";
  }

  /** The first 16 hex digits of the SHA-256 of {@link #text()}. */
  String fileStem() {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  }

  /** A label value escaped as the Prometheus text format and OpenMetrics ask. */
  public static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
