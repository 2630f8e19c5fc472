package dev.headroom.operator.api;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as the API writes them: a sequence of number+unit with units ms, s, m, h, d (e.g.
 * {@code 90s}, {@code 1h30m}, {@code 14d}); the CRD schema enforces the same pattern.
 */
public final class DurationFormat {

  private static final Pattern WHOLE = Pattern.compile("^([0-9]+(ms|s|m|h|d))+$");
  private static final Pattern PART = Pattern.compile("([0-9]+)(ms|s|m|h|d)");

  private DurationFormat() {}

  public static Duration parse(String text) {
    if (text == null || !WHOLE.matcher(text).matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a duration such as 90s, 10m, 1h30m or 14d");
    }
    Duration total = Duration.ZERO;
    Matcher m = PART.matcher(text);
    while (m.find()) {
      long n = Long.parseLong(m.group(1));
      total =
          total.plus(
              switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
              });
    }
    return total;
  }

  public static Duration parseOr(String text, Duration fallback) {
    return text == null ? fallback : parse(text);
  }
}
