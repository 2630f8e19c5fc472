package dev.headroom.testbed.cli;

import java.util.List;
import java.util.OptionalInt;

/** The options of the start commands, checked before anything starts. */
final class Arguments {

  private Arguments() {}

  /** {@code up [--with-prometheus] [--with-postgres[=MAXCONN]]}. */
  record UpOptions(boolean prometheus, OptionalInt postgresMaxConnections) {

    static UpOptions parse(List<String> args) {
      boolean prometheus = false;
      OptionalInt postgres = OptionalInt.empty();
      for (String arg : args) {
        if (arg.equals("--with-prometheus")) {
          prometheus = true;
        } else if (arg.equals("--with-postgres")) {
          postgres = OptionalInt.of(DEFAULT_MAX_CONNECTIONS);
        } else if (arg.startsWith("--with-postgres=")) {
          postgres = OptionalInt.of(maxConnections(arg.substring("--with-postgres=".length())));
        } else {
          throw new IllegalArgumentException(
              "unknown option '" + arg + "' (up [--with-prometheus] [--with-postgres[=MAXCONN]])");
        }
      }
      return new UpOptions(prometheus, postgres);
    }
  }

  static final int DEFAULT_MAX_CONNECTIONS = 100;
  static final int DEFAULT_POOL = 10;

  /** {@code postgres [MAXCONN]}. */
  static int postgres(List<String> args) {
    return args.isEmpty() ? DEFAULT_MAX_CONNECTIONS : maxConnections(args.get(0));
  }

  /** {@code pgbouncer [POOL]}. */
  static int pgbouncer(List<String> args) {
    return args.isEmpty()
        ? DEFAULT_POOL
        : positive(args.get(0), "the PgBouncer pool must be a positive integer");
  }

  /** {@code connections [--exit-delay-ms=MS]}: the exit delay in milliseconds, 0 by default. */
  static long connections(List<String> args) {
    long delay = 0;
    for (String arg : args) {
      if (!arg.startsWith("--exit-delay-ms=")) {
        throw new IllegalArgumentException(
            "unknown option '" + arg + "' (connections [--exit-delay-ms=MS])");
      }
      String value = arg.substring("--exit-delay-ms=".length());
      delay = wholeNumber(value, "--exit-delay-ms must be a whole number of milliseconds");
    }
    return delay;
  }

  private static int maxConnections(String value) {
    return positive(value, "max_connections must be a positive integer");
  }

  private static int positive(String value, String rule) {
    long n = wholeNumber(value, rule);
    if (n < 1 || n > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(rule + ", got '" + value + "'");
    }
    return (int) n;
  }

  private static long wholeNumber(String value, String rule) {
    if (!value.matches("[0-9]{1,18}")) {
      throw new IllegalArgumentException(rule + ", got '" + value + "'");
    }
    return Long.parseLong(value);
  }
}
