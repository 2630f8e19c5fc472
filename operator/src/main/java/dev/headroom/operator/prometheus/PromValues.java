package dev.headroom.operator.prometheus;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;

/** Prometheus' wire forms of sample values, timestamps and durations. */
final class PromValues {

  private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);

  private PromValues() {}

  /** A sample value as Prometheus writes it ({@code "1"}, {@code "NaN"}, {@code "+Inf"}). */
  static OptionalDouble parseValue(String text) {
    switch (text) {
      case "NaN":
        return OptionalDouble.of(Double.NaN);
      case "+Inf":
      case "Inf":
        return OptionalDouble.of(Double.POSITIVE_INFINITY);
      case "-Inf":
        return OptionalDouble.of(Double.NEGATIVE_INFINITY);
      default:
        if (!decimal(text)) {
          return OptionalDouble.empty();
        }
        return OptionalDouble.of(Double.parseDouble(text));
    }
  }

  /**
   * Whether {@code text} is a decimal number as Go's strconv.FormatFloat writes finite values
   * ({@code [-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?}), nothing Java-specific like "1d" or hex.
   * Scanned by hand: an answer of 10,000 series has 10,000 values, and a regular expression's
   * matcher for each was a tenth of what reading one allocated.
   */
  static boolean decimal(String text) {
    int n = text.length();
    int i = 0;
    if (i < n && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
      i++;
    }
    int whole = digits(text, i);
    i += whole;
    int fraction = 0;
    if (i < n && text.charAt(i) == '.') {
      i++;
      fraction = digits(text, i);
      i += fraction;
    }
    if (whole == 0 && fraction == 0) {
      return false;
    }
    if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
      i++;
      if (i < n && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
        i++;
      }
      int exponent = digits(text, i);
      if (exponent == 0) {
        return false;
      }
      i += exponent;
    }
    return i == n;
  }

  /** How many ASCII digits start at {@code from}. */
  private static int digits(String text, int from) {
    int i = from;
    while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
      i++;
    }
    return i - from;
  }

  /** The inverse of {@link #parseValue} for the values worth naming in a message. */
  static String format(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "+Inf" : "-Inf";
    }
    return Double.toString(value);
  }

  /** Unix seconds with a fraction, as in {@code [1435781451.781, "1"]}. */
  static Instant parseTimestamp(BigDecimal seconds) {
    BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
    long nanos = seconds.subtract(whole).multiply(NANOS_PER_SECOND).longValue();
    return Instant.ofEpochSecond(whole.longValueExact(), nanos);
  }

  /** An instant as Unix seconds, exact to the nanosecond, e.g. {@code 1700000000.5}. */
  static String formatTimestamp(Instant at) {
    return plain(BigDecimal.valueOf(at.getEpochSecond()).add(BigDecimal.valueOf(at.getNano(), 9)));
  }

  /** A duration as seconds, e.g. {@code 30} or {@code 0.3}; Prometheus accepts both forms. */
  static String formatSeconds(Duration d) {
    return plain(BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9)));
  }

  private static String plain(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
  }
}
