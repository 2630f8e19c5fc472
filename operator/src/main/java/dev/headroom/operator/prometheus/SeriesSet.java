package dev.headroom.operator.prometheus;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every series one instant query answered, and the series a policy picks from it by labels (as an
 * HPA External metric's {@code selector.matchLabels} picks from prometheus-adapter). Many policies
 * share one answer; picking indexes the series once per set of label names asked for, so a thousand
 * policies picking from a thousand series cost a thousand map lookups, not a million comparisons.
 *
 * <p>An index holds positions, not series: when the next answer to the same query has the same
 * label sets in the same order (the same maps, which {@link LabelSets} hands the parser), it shares
 * this answer's indexes instead of building its own.
 */
public final class SeriesSet {

  private final String promql;
  private final Instant readAt;
  private final List<LabeledValue> series;
  private final Map<Set<String>, Map<Map<String, String>, int[]>> indexes;
  private volatile LabelSets labelSets;

  public SeriesSet(String promql, Instant readAt, List<LabeledValue> series) {
    this(promql, readAt, series, null, null);
  }

  /**
   * @param labelSets the label sets of {@code series}, when known already; null to find them when
   *     asked
   * @param previous the answer before this one to the same query, whose indexes this one shares
   *     when its series carry the same label maps in the same order; may be null
   */
  SeriesSet(
      String promql,
      Instant readAt,
      List<LabeledValue> series,
      LabelSets labelSets,
      SeriesSet previous) {
    this.promql = promql;
    this.readAt = readAt;
    this.series = List.copyOf(series);
    this.labelSets = labelSets;
    this.indexes =
        previous != null && previous.sameLabelsAs(this.series)
            ? previous.indexes
            : new ConcurrentHashMap<>();
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

  /** The label sets of this answer, for the parser of the next one. */
  LabelSets labelSets() {
    LabelSets sets = labelSets;
    if (sets == null) {
      sets = LabelSets.of(series);
      labelSets = sets;
    }
    return sets;
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
    int position;
    if (matchLabels.isEmpty()) {
      position = only(series.size(), 0, matchLabels);
    } else {
      Map<Map<String, String>, int[]> index = indexes.get(matchLabels.keySet());
      if (index == null) {
        index = indexes.computeIfAbsent(Set.copyOf(matchLabels.keySet()), this::index);
      }
      int[] found = index.getOrDefault(matchLabels, NONE);
      position = only(found.length, found.length == 0 ? -1 : found[0], matchLabels);
    }
    TimedValue value = series.get(position).value();
    if (!Double.isFinite(value.value())) {
      throw new PrometheusException.NotANumber(promql, value.value(), value.at(), false);
    }
    return value;
  }

  private static final int[] NONE = new int[0];

  /** {@code first} when exactly one series matched. */
  private int only(int matched, int first, Map<String, String> matchLabels)
      throws PrometheusException {
    if (matched == 0) {
      throw PrometheusException.EmptyResult.matching(promql, matchLabels);
    }
    if (matched > 1) {
      throw PrometheusException.AmbiguousResult.matching(promql, matchLabels, matched);
    }
    return first;
  }

  /** Whether {@code other} holds the very label maps of this answer, in the same order. */
  private boolean sameLabelsAs(List<LabeledValue> other) {
    if (other.size() != series.size()) {
      return false;
    }
    for (int i = 0; i < other.size(); i++) {
      if (other.get(i).labels() != series.get(i).labels()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Positions of the series by their values of {@code names} (as a map of those labels, which a
   * policy's {@code matchLabels} equals); series lacking one of the names are left out.
   */
  private Map<Map<String, String>, int[]> index(Set<String> names) {
    Map<Map<String, String>, int[]> index = new HashMap<>(series.size() * 4 / 3 + 1);
    Map<String, String> key = new HashMap<>();
    for (int i = 0; i < series.size(); i++) {
      Map<String, String> labels = series.get(i).labels();
      key.clear();
      for (String name : names) {
        String value = labels.get(name);
        if (value == null) {
          break;
        }
        key.put(name, value);
      }
      if (key.size() == names.size()) {
        int position = i;
        index.merge(
            Map.copyOf(key),
            new int[] {position},
            (before, one) -> {
              int[] more = Arrays.copyOf(before, before.length + 1);
              more[before.length] = position;
              return more;
            });
      }
    }
    return index;
  }
}
