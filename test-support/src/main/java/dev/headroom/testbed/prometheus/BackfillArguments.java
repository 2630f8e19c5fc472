package dev.headroom.testbed.prometheus;

import java.util.List;

/**
 * The arguments of {@code scripts/testbed backfill CSV [METRIC] [k=v,...] [--metric=NAME]
 * [--labels=k=v,...] [--align=interval|day|week] [--end=EPOCH]}.
 */
public record BackfillArguments(
    String csv, String metric, String labels, String align, String end) {

  public static final String DEFAULT_METRIC = "headroom_trace_requests_per_second";
  static final String USAGE =
      "usage: testbed backfill CSV [--metric=NAME] [--labels=k=v,...]"
          + " [--align=interval|day|week] [--end=EPOCH]";

  public static BackfillArguments parse(List<String> args) {
    String csv = "";
    String metric = DEFAULT_METRIC;
    String labels = "";
    String align = "interval";
    String end = "";
    int positional = 0;
    for (String arg : args) {
      if (arg.startsWith("--metric=")) {
        metric = value(arg);
      } else if (arg.startsWith("--labels=")) {
        labels = value(arg);
      } else if (arg.startsWith("--align=")) {
        align = value(arg);
      } else if (arg.startsWith("--end=")) {
        end = value(arg);
      } else if (arg.startsWith("-")) {
        throw new IllegalArgumentException("unknown backfill option '" + arg + "'");
      } else {
        positional++;
        switch (positional) {
          case 1 -> csv = arg;
          case 2 -> metric = arg;
          case 3 -> labels = arg;
          default -> throw new IllegalArgumentException("too many arguments to backfill");
        }
      }
    }
    if (csv.isEmpty()) {
      throw new IllegalArgumentException(USAGE);
    }
    if (!List.of("interval", "day", "week").contains(align)) {
      throw new IllegalArgumentException("--align must be interval, day or week");
    }
    return new BackfillArguments(csv, metric, labels, align, end);
  }

  /** The trace's name: the file name without {@code .csv}. */
  public String trace() {
    String name = java.nio.file.Path.of(csv).getFileName().toString();
    return name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
  }

  private static String value(String arg) {
    return arg.substring(arg.indexOf('=') + 1);
  }
}
