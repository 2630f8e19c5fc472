package dev.headroom.engine.validation;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Small shared checks that add a {@link Violation} when they fail. */
final class Checks {

  private Checks() {}

  static void positive(List<Violation> out, String field, double value) {
    if (!(value > 0) || !Double.isFinite(value)) {
      out.add(new Violation(field, "must be a positive number, got " + num(value)));
    }
  }

  static void atLeast(List<Violation> out, String field, long value, long min) {
    if (value < min) {
      out.add(new Violation(field, "must be >= " + min + ", got " + value));
    }
  }

  static void notBlank(List<Violation> out, String field, String value) {
    if (value == null || value.isBlank()) {
      out.add(new Violation(field, "must not be empty"));
    }
  }

  static void positive(List<Violation> out, String field, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      out.add(new Violation(field, "must be a positive duration, got " + value));
    }
  }

  static void notNegative(List<Violation> out, String field, Duration value) {
    if (value != null && value.isNegative()) {
      out.add(new Violation(field, "must not be negative, got " + value));
    }
  }

  static String num(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return String.format(Locale.ROOT, "%s", value);
  }
}
