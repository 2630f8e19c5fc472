package dev.headroom.testbed.load;

/**
 * A sample value as given on the command line: a decimal number, {@code NaN}, {@code +Inf}, {@code
 * -Inf}.
 */
public final class SampleValue {

  private SampleValue() {}

  public static double parse(String text) {
    switch (text) {
      case "NaN":
        return Double.NaN;
      case "+Inf":
      case "Inf":
        return Double.POSITIVE_INFINITY;
      case "-Inf":
        return Double.NEGATIVE_INFINITY;
      default:
        try {
          double value = Double.parseDouble(text);
          if (!Double.isFinite(value) || text.strip().length() != text.length()) {
            throw new NumberFormatException();
          }
          return value;
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              "'" + text + "' is not a sample value (a number, NaN, +Inf or -Inf)");
        }
    }
  }
}
