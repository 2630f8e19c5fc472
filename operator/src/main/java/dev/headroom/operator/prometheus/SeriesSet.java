package dev.headroom.operator.prometheus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every series one instant query answered, and the series a policy picks from it by labels (as an
 * HPA External metric's {@code selector.matchLabels} picks from prometheus-adapter). Many policies
 * share one answer; picking indexes the series once per set of label names asked for, so a thousand
 * policies picking from a thousand series cost a thousand map lookups, not a million comparisons.
 */
public final class SeriesSet {

  private final String promql;
  private final Instant readAt;
  private final List<LabeledValue> series;
  private final Map<Set<String>, Map<List<String>, List<LabeledValue>>> indexes =
      new java.util.concurrent.ConcurrentHashMap<>();

  public SeriesSet(String promql, Instant readAt, List<LabeledValue> series) {
    this.promql = promql;
    this.readAt = readAt;
    this.series = List.copyOf(series);
  }

  public String promql() {
    return promql;
  }

  /** When this answer was received. */
  public Instant readAt() {
    return readAt;
  }

  public int size() {
    return series.size();
  }

  /**
   * The value of the one series carrying all of {@code matchLabels}; with no labels, the one series
   * of the answer.
   *
   * @throws PrometheusException.EmptyResult when no series matches
   * @throws PrometheusException.AmbiguousResult when several match
   * @throws PrometheusException.NotANumber when the matching series is NaN or infinite
   */
  public TimedValue select(Map<String, String> matchLabels) throws PrometheusException {
    List<LabeledValue> found;
    if (matchLabels.isEmpty()) {
      found = series;
    } else {
      Set<String> names = new TreeSet<>(matchLabels.keySet());
      List<String> key = new ArrayList<>(names.size());
      for (String name : names) {
        key.add(matchLabels.get(name));
      }
      found = indexes.computeIfAbsent(names, this::index).getOrDefault(key, List.of());
    }
    if (found.isEmpty()) {
      throw PrometheusException.EmptyResult.matching(promql, matchLabels);
    }
    if (found.size() > 1) {
      throw PrometheusException.AmbiguousResult.matching(promql, matchLabels, found.size());
    }
    TimedValue value = found.get(0).value();
    if (!Double.isFinite(value.value())) {
      throw new PrometheusException.NotANumber(promql, value.value(), value.at(), false);
    }
    return value;
  }

  private Map<List<String>, List<LabeledValue>> index(Set<String> names) {
    Map<List<String>, List<LabeledValue>> index = new HashMap<>();
    for (LabeledValue s : series) {
      List<String> key = new ArrayList<>(names.size());
      for (String name : names) {
        String value = s.labels().get(name);
        if (value == null) {
          key = null;
          break;
        }
        key.add(value);
      }
      if (key != null) {
        index.computeIfAbsent(key, k -> new ArrayList<>(1)).add(s);
      }
    }
    return index;
  }
}
