package dev.headroom.operator.prometheus;

import java.time.Duration;

/** Short, human wording for condition messages. */
final class Text {

  static final int MAX_QUERY_CHARS = 160;
  static final int MAX_DETAIL_CHARS = 300;
  private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");
  private static final java.util.regex.Pattern UNPRINTABLE =
      java.util.regex.Pattern.compile("[\\p{Cc}\\p{Cf}\\u2028\\u2029]");

  private Text() {}

  /** A query in double quotes, whitespace collapsed, cut to a readable length. */
  static String quote(String promql) {
    return "\"" + clip(promql, MAX_QUERY_CHARS) + "\"";
  }

  /** {@code {a="x", b="y"}}, sorted by label name, each value clipped. */
  static String labels(java.util.Map<String, String> labels) {
    StringBuilder b = new StringBuilder("{");
    new java.util.TreeMap<>(labels)
        .forEach(
            (k, v) -> {
              if (b.length() > 1) {
                b.append(", ");
              }
              b.append(clip(k, 63)).append("=\"").append(clip(v, 63)).append('"');
            });
    return b.append('}').toString();
  }

  /**
   * Whitespace collapsed to single spaces, control and format characters (terminal escapes, line
   * separators, NUL) replaced by {@code ?}, and cut at {@code max} characters with an ellipsis.
   * Prometheus' words end up in conditions and Events that people read in a terminal.
   */
  static String clip(String text, int max) {
    String flat = UNPRINTABLE.matcher(SPACES.matcher(text.strip()).replaceAll(" ")).replaceAll("?");
    return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
  }

  /** {@code a scalar}, {@code an instant vector}. */
  static String withArticle(String noun) {
    return ("aeiou".indexOf(Character.toLowerCase(noun.charAt(0))) >= 0 ? "an " : "a ") + noun;
  }

  /** {@code 300ms}, {@code 5s}, {@code 1.5s}, {@code 2m}, {@code 1m30s}, {@code 1h}. */
  static String duration(Duration d) {
    long millis = d.toMillis();
    if (millis < 1000) {
      return millis + "ms";
    }
    if (millis < 60_000) {
      return millis % 1000 == 0 ? millis / 1000 + "s" : trim(millis / 1000.0) + "s";
    }
    long seconds = d.toSeconds();
    StringBuilder out = new StringBuilder();
    if (seconds >= 3600) {
      out.append(seconds / 3600).append('h');
    }
    if (seconds % 3600 >= 60) {
      out.append(seconds % 3600 / 60).append('m');
    }
    if (seconds % 60 > 0) {
      out.append(seconds % 60).append('s');
    }
    return out.toString();
  }

  /** {@code 100 bytes}, {@code 512 KiB}, {@code 4 MiB}, {@code 1.5 MiB}. */
  static String bytes(long n) {
    if (n < 1024) {
      return n + (n == 1 ? " byte" : " bytes");
    }
    if (n < 1024 * 1024) {
      return trim(n / 1024.0) + " KiB";
    }
    return trim(n / (1024.0 * 1024.0)) + " MiB";
  }

  private static String trim(double value) {
    String text = String.format(java.util.Locale.ROOT, "%.1f", value);
    return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
  }
}
