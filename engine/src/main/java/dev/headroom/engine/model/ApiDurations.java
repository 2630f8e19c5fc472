package dev.headroom.engine.model;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as the Headroom API writes them: number-and-unit pairs with units {@code ms}, {@code
 * s}, {@code m}, {@code h}, {@code d} (e.g. {@code 90s}, {@code 1h30m}, {@code 14d}), the pattern
 * the CRD schema enforces. The operator and the simulator both read it here.
 */
public final class ApiDurations {

  private static final Pattern WHOLE = Pattern.compile("^([0-9]+(ms|s|m|h|d))+$");
  private static final Pattern PART = Pattern.compile("([0-9]+)(ms|s|m|h|d)");

  private ApiDurations() {}

  public static Duration parse(String text) {
    if (text == null || !WHOLE.matcher(text.trim()).matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a duration such as 90s, 10m, 1h30m or 14d");
    }
    Duration total = Duration.ZERO;
    Matcher m = PART.matcher(text.trim());
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

  /** {@link #parse}, or {@code fallback} when the field is absent. */
  public static Duration parseOr(String text, Duration fallback) {
    return text == null ? fallback : parse(text);
  }

  /** The shortest API form of a duration, e.g. {@code 90s} as {@code 1m30s}. */
  public static String format(Duration d) {
    if (d.isZero()) {
      return "0s";
    }
    StringBuilder out = new StringBuilder();
    long days = d.toDays();
    long hours = d.toHoursPart();
    long minutes = d.toMinutesPart();
    long seconds = d.toSecondsPart();
    long millis = d.toMillisPart();
    if (days > 0) {
      out.append(days).append('d');
    }
    if (hours > 0) {
      out.append(hours).append('h');
    }
    if (minutes > 0) {
      out.append(minutes).append('m');
    }
    if (seconds > 0) {
      out.append(seconds).append('s');
    }
    if (millis > 0) {
      out.append(millis).append("ms");
    }
    return out.toString();
  }
}
