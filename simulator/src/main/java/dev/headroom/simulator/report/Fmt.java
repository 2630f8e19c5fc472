package dev.headroom.simulator.report;

import dev.headroom.engine.model.ApiDurations;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Number and time formatting shared by the reports; locale-independent. */
final class Fmt {

  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private Fmt() {}

  static String fixed(double value, int decimals) {
    if (Double.isNaN(value)) {
      return "-";
    }
    double rounded = value == 0 ? 0 : value; // no "-0.0"
    String s = String.format(Locale.ROOT, "%." + decimals + "f", rounded);
    return s.startsWith("-") && Double.parseDouble(s) == 0 ? s.substring(1) : s;
  }

  static String number(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return fixed(value, 2);
  }

  static String signed(double value, int decimals) {
    String s = fixed(value, decimals);
    return value > 0 && !s.matches("0\\.?0*") ? "+" + s : s;
  }

  static String minute(Instant t) {
    return MINUTE.format(t);
  }

  static String duration(long seconds) {
    return ApiDurations.format(Duration.ofSeconds(seconds));
  }

  /** Rounds for JSON: a fixed number of decimals, so that output is stable across platforms. */
  static double round(double value, int decimals) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return value;
    }
    return new java.math.BigDecimal(value)
        .setScale(decimals, java.math.RoundingMode.HALF_EVEN)
        .doubleValue();
  }
}
