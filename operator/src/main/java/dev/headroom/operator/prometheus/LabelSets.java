package dev.headroom.operator.prometheus;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The label sets of one answer, to be found again in the next answer of the same query from the
 * characters the parser holds, without new strings or maps. A shared query answers with the same
 * 10,000 label sets every tick; reading each again as fresh strings and maps was most of what a
 * tick allocated, and kept a copy of every set alive until the next tick.
 *
 * <p>A set is looked up by a hash of its labels that does not depend on their order (the sum of one
 * hash per name and value, the value hashed as {@link String#hashCode()} hashes it). The parser
 * takes a set found this way only when every name and value is equal to what it read, character for
 * character, so a collision costs a fresh map and nothing else. Immutable.
 */
final class LabelSets {

  static final LabelSets NONE = new LabelSets(Map.of());

  private final Map<Long, Map<String, String>> byHash;

  private LabelSets(Map<Long, Map<String, String>> byHash) {
    this.byHash = byHash;
  }

  /** The label sets of {@code series}; of two sets with the same hash, the later is kept. */
  static LabelSets of(List<LabeledValue> series) {
    Map<Long, Map<String, String>> byHash = new HashMap<>(series.size() * 4 / 3 + 1);
    for (LabeledValue s : series) {
      byHash.put(hash(s.labels()), s.labels());
    }
    return new LabelSets(byHash);
  }

  /** The set whose labels hash to {@code hash}, or null. */
  Map<String, String> find(long hash) {
    return byHash.isEmpty() ? null : byHash.get(hash);
  }

  int size() {
    return byHash.size();
  }

  /** The hash of a whole label set: the sum of {@link #label} over its labels. */
  static long hash(Map<String, String> labels) {
    long sum = 0;
    for (Map.Entry<String, String> e : labels.entrySet()) {
      sum += label(e.getKey(), e.getValue().hashCode());
    }
    return sum;
  }

  /** One label's share of a set's hash; {@code valueHash} as {@link String#hashCode()} gives it. */
  static long label(String name, int valueHash) {
    long h = ((long) name.hashCode() << 32) ^ (valueHash & 0xffffffffL);
    // SplitMix64's finalizer: the sum of many labels must not cancel out.
    h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
    h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
    return h ^ (h >>> 31);
  }

  /** {@link String#hashCode()} of the characters {@code chars[offset, offset + length)}. */
  static int charsHash(char[] chars, int offset, int length) {
    int h = 0;
    for (int i = offset; i < offset + length; i++) {
      h = 31 * h + chars[i];
    }
    return h;
  }
}
