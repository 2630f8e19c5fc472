package dev.headroom.operator.prometheus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
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
  private final Map<List<String>, Map<List<String>, int[]>> indexes;
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
   * The labels a policy picks its series by, as two lists in the order of the names: made once per
   * policy signal, so that picking from each answer needs no new objects (lists hash and compare by
   * index, where a sorted map would iterate).
   */
  public record Pick(List<String> names, List<String> values) {

    public Pick {
      names = List.copyOf(names);
      values = List.copyOf(values);
      if (names.size() != values.size()) {
        throw new IllegalArgumentException("a value for every name");
      }
    }

    public static Pick of(Map<String, String> matchLabels) {
      List<String> names = new ArrayList<>(new TreeSet<>(matchLabels.keySet()));
      List<String> values = new ArrayList<>(names.size());
      for (String name : names) {
        values.add(matchLabels.get(name));
      }
      return new Pick(names, values);
    }

    boolean isEmpty() {
      return names.isEmpty();
    }

    /** The labels as a map, for messages. */
    Map<String, String> asMap() {
      Map<String, String> map = new TreeMap<>();
      for (int i = 0; i < names.size(); i++) {
        map.put(names.get(i), values.get(i));
      }
      return map;
    }
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
    return select(Pick.of(matchLabels));
  }

  /** Like {@link #select(Map)}, with the labels made ready once ({@link Pick#of}). */
  public TimedValue select(Pick pick) throws PrometheusException {
    int position;
    if (pick.isEmpty()) {
      position = only(series.size(), 0, pick);
    } else {
      Map<List<String>, int[]> index = indexes.get(pick.names());
      if (index == null) {
        index = indexes.computeIfAbsent(pick.names(), this::index);
      }
      int[] found = index.getOrDefault(pick.values(), NONE);
      position = only(found.length, found.length == 0 ? -1 : found[0], pick);
    }
    TimedValue value = series.get(position).value();
    if (!Double.isFinite(value.value())) {
      throw new PrometheusException.NotANumber(promql, value.value(), value.at(), false);
    }
    return value;
  }

  private static final int[] NONE = new int[0];

  /** {@code first} when exactly one series matched. */
  private int only(int matched, int first, Pick pick) throws PrometheusException {
    if (matched == 0) {
      throw PrometheusException.EmptyResult.matching(promql, pick.asMap());
    }
    if (matched > 1) {
      throw PrometheusException.AmbiguousResult.matching(promql, pick.asMap(), matched);
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
   * Positions of the series by their values of {@code names}, in that order (as a {@link Pick}
   * holds them); series lacking one of the names are left out.
   */
  private Map<List<String>, int[]> index(List<String> names) {
    Map<List<String>, int[]> index = new HashMap<>(series.size() * 4 / 3 + 1);
    String[] key = new String[names.size()];
    for (int i = 0; i < series.size(); i++) {
      Map<String, String> labels = series.get(i).labels();
      int found = 0;
      for (String name : names) {
        String value = labels.get(name);
        if (value == null) {
          break;
        }
        key[found++] = value;
      }
      if (found == names.size()) {
        int position = i;
        index.merge(
            List.of(key),
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
