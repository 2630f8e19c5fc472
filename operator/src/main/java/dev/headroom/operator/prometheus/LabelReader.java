package dev.headroom.operator.prometheus;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.headroom.operator.json.CanonicalStrings;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the {@code metric} objects of one answer: each becomes the equal label set of the previous
 * answer when there is one ({@link LabelSets}), otherwise a new immutable map whose values are
 * shared copies. Keeps the characters of the object being read in buffers it reuses, so a label set
 * seen before costs no allocation. One instance per answer being parsed; not thread-safe.
 */
final class LabelReader {

  /**
   * Label values of vector answers, one copy each: a shared query returns the same 10,000 series
   * every tick, and the answer is kept until the next one.
   */
  private static final CanonicalStrings LABEL_VALUES = new CanonicalStrings(200_000, 256);

  private final LabelSets known;
  private String[] names = new String[8];
  private int[] starts = new int[8];
  private int[] lengths = new int[8];
  private char[] chars = new char[256];
  private int found;

  LabelReader(LabelSets known) {
    this.known = known;
  }

  /**
   * The previous answer's label sets when the answer just read, of {@code series} series, had
   * exactly those (every one found there, and no other); otherwise null.
   */
  LabelSets unchanged(int series) {
    return known != LabelSets.NONE && found == series && series == known.size() ? known : null;
  }

  /**
   * The labels of the {@code metric} object the parser stands on (its opening brace).
   *
   * @param notAString turns a label whose value is not a string into the parse error, given the
   *     label's name
   */
  Map<String, String> read(JsonParser p, NotAString notAString)
      throws IOException, PrometheusException {
    int count = 0;
    int used = 0;
    long hash = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken token = p.nextToken();
      if (token == JsonToken.VALUE_NULL) {
        continue;
      }
      if (token != JsonToken.VALUE_STRING) {
        throw notAString.of(name);
      }
      char[] text = p.getTextCharacters();
      int offset = p.getTextOffset();
      int length = p.getTextLength();
      if (count == names.length) {
        names = Arrays.copyOf(names, count * 2);
        starts = Arrays.copyOf(starts, count * 2);
        lengths = Arrays.copyOf(lengths, count * 2);
      }
      if (used + length > chars.length) {
        chars = Arrays.copyOf(chars, Math.max(chars.length * 2, used + length));
      }
      System.arraycopy(text, offset, chars, used, length);
      names[count] = name;
      starts[count] = used;
      lengths[count] = length;
      used += length;
      hash += LabelSets.label(name, LabelSets.charsHash(text, offset, length));
      count++;
    }
    Map<String, String> same = known.find(hash);
    if (same != null && same.size() == count && equalTo(same, count)) {
      found++;
      return same;
    }
    Map<String, String> labels = new HashMap<>(count * 2);
    for (int i = 0; i < count; i++) {
      labels.put(names[i], LABEL_VALUES.of(new String(chars, starts[i], lengths[i])));
    }
    return Map.copyOf(labels);
  }

  /** Whether the {@code count} labels just read are exactly those of {@code labels}. */
  private boolean equalTo(Map<String, String> labels, int count) {
    for (int i = 0; i < count; i++) {
      String value = labels.get(names[i]);
      if (value == null || value.length() != lengths[i]) {
        return false;
      }
      int start = starts[i];
      for (int c = 0; c < lengths[i]; c++) {
        if (value.charAt(c) != chars[start + c]) {
          return false;
        }
      }
    }
    return true;
  }

  /** The parse error for a label whose value is not a string. */
  @FunctionalInterface
  interface NotAString {
    PrometheusException of(String labelName);
  }
}
