package dev.headroom.engine.band;

/**
 * The values of one load signal for which its replica proposal stays what it is: a round that sees
 * a value inside the band would decide what the last round decided, as far as this signal goes.
 * Both ends are inclusive; an open end is an infinity.
 */
public record ValueBand(double low, double high) {

  public ValueBand {
    if (Double.isNaN(low) || Double.isNaN(high) || low > high) {
      throw new IllegalArgumentException("not a band: [" + low + ", " + high + "]");
    }
  }

  /** The band holding only {@code value}: any other value leaves it. */
  public static ValueBand exactly(double value) {
    return new ValueBand(value, value);
  }

  public boolean contains(double value) {
    return value >= low && value <= high;
  }
}
