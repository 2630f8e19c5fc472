package dev.headroom.operator.pool;

import java.util.OptionalInt;

/** Reads a pool size written as text; anything but a positive integer counts as unset. */
final class PoolParsing {

  private PoolParsing() {}

  static OptionalInt parse(Object value) {
    if (value == null) {
      return OptionalInt.empty();
    }
    try {
      int pool = Integer.parseInt(value.toString().trim());
      return pool > 0 ? OptionalInt.of(pool) : OptionalInt.empty();
    } catch (NumberFormatException e) {
      return OptionalInt.empty();
    }
  }
}
