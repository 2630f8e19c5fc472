package dev.headroom.operator.signal;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One load signal's series: a query many policies may share and the labels that pick this policy's
 * series from its answer.
 */
public record SeriesSelector(String query, Map<String, String> matchLabels) {

  public SeriesSelector {
    Objects.requireNonNull(query, "query");
    matchLabels =
        matchLabels == null
            ? Map.of()
            : Collections.unmodifiableSortedMap(new TreeMap<>(matchLabels));
  }

  /**
   * A query for this selector's series alone, for a range query (a forecast's history): the shared
   * query kept only where its labels match, by joining it with a one-series vector carrying them
   * ({@code (q) and on(a, b) label_replace(label_replace(vector(1), "a", "x", "", ""), "b", "y",
   * "", "")}).
   */
  public String singleSeriesQuery() {
    if (matchLabels.isEmpty()) {
      return query;
    }
    String labelled = "vector(1)";
    for (Map.Entry<String, String> e : matchLabels.entrySet()) {
      labelled =
          "label_replace("
              + labelled
              + ", "
              + quoted(e.getKey())
              + ", "
              + quoted(e.getValue())
              + ", \"\", \"\")";
    }
    return "(" + query + ") and on(" + String.join(", ", matchLabels.keySet()) + ") " + labelled;
  }

  private static String quoted(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  @Override
  public String toString() {
    return matchLabels.isEmpty() ? query : query + " " + matchLabels;
  }
}
