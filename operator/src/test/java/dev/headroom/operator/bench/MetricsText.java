package dev.headroom.operator.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The Prometheus text format, just enough to sum a metric's samples that carry given labels. */
final class MetricsText {

  private record Line(String name, Map<String, String> labels, double value) {}

  private final List<Line> lines;

  private MetricsText(List<Line> lines) {
    this.lines = lines;
  }

  static MetricsText parse(String text) {
    List<Line> out = new ArrayList<>();
    for (String raw : text.split("\n")) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int brace = line.indexOf('{');
      int space = brace < 0 ? line.indexOf(' ') : line.indexOf(' ', line.lastIndexOf('}'));
      if (space < 0) {
        continue;
      }
      String name = brace < 0 ? line.substring(0, space) : line.substring(0, brace);
      Map<String, String> labels =
          brace < 0 ? Map.of() : labels(line.substring(brace + 1, line.lastIndexOf('}')));
      String[] rest = line.substring(space + 1).trim().split("\\s+");
      try {
        out.add(new Line(name, labels, Double.parseDouble(rest[0])));
      } catch (NumberFormatException e) {
        // NaN/Inf spelled otherwise: not a counter we sum
      }
    }
    return new MetricsText(out);
  }

  private static Map<String, String> labels(String text) {
    Map<String, String> out = new HashMap<>();
    int i = 0;
    while (i < text.length()) {
      int eq = text.indexOf('=', i);
      if (eq < 0) {
        break;
      }
      String key = text.substring(i, eq).replace(",", "").strip();
      int start = text.indexOf('"', eq) + 1;
      StringBuilder v = new StringBuilder();
      int j = start;
      while (j < text.length() && text.charAt(j) != '"') {
        if (text.charAt(j) == '\\' && j + 1 < text.length()) {
          j++;
        }
        v.append(text.charAt(j));
        j++;
      }
      out.put(key, v.toString());
      i = j + 1;
    }
    return out;
  }

  /** Sum of every sample of {@code name} whose labels include {@code match}. */
  double sum(String name, Map<String, String> match) {
    double total = 0;
    for (Line l : lines) {
      if (l.name.equals(name) && l.labels.entrySet().containsAll(match.entrySet())) {
        total += l.value;
      }
    }
    return total;
  }
}
