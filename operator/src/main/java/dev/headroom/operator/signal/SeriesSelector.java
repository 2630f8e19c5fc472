package dev.headroom.operator.signal;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One load signal's series: a query many policies may share and the labels that pick this
 * policy's series from its answer.
 */
public record SeriesSelector(String query, Map<String, String> matchLabels) {

  public SeriesSelector {
    Objects.requireNonNull(query, "query");
    matchLabels = matchLabels == null ? Map.of() : Map.copyOf(new TreeMap<>(matchLabels));
  }

  @Override
  public String toString() {
    return matchLabels.isEmpty() ? query : query + " " + matchLabels;
  }
}
