package dev.headroom.testbed.backfill;

import dev.headroom.testbed.Prometheus.Alignment;
import dev.headroom.testbed.load.LabelList;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

/**
 * Turns a trace into the OpenMetrics file that {@code scripts/testbed backfill} hands to promtool,
 * and prints the summary line.
 *
 * <pre>java -cp ... dev.headroom.testbed.backfill.BackfillWriter CSV OUT METRIC LABELS ALIGN [END]
 * </pre>
 *
 * LABELS is {@code k=v,...} (may be empty), ALIGN one of interval, day, week, END epoch seconds
 * (default now).
 */
public final class BackfillWriter {

  private BackfillWriter() {}

  public static BackfillPlan run(String[] args, Clock clock) {
    if (args.length < 5 || args.length > 6) {
      throw new IllegalArgumentException(
          "usage: BackfillWriter CSV OUT METRIC LABELS interval|day|week [END]");
    }
    Alignment alignment = alignment(args[4]);
    Instant end =
        args.length == 6 && !args[5].isEmpty()
            ? Instant.ofEpochSecond(epoch(args[5]))
            : clock.instant();
    BackfillPlan plan =
        BackfillPlan.of(Path.of(args[0]), args[2], LabelList.parse(args[3]), alignment, end);
    plan.writeOpenMetrics(Path.of(args[1]));
    return plan;
  }

  private static Alignment alignment(String text) {
    try {
      return Alignment.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--align must be interval, day or week, got '" + text + "'");
    }
  }

  private static long epoch(String text) {
    try {
      return (long) Math.floor(Double.parseDouble(text));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--end must be epoch seconds, got '" + text + "'");
    }
  }

  public static void main(String[] args) {
    try {
      System.out.println(run(args, Clock.systemUTC()).summary());
    } catch (IllegalArgumentException e) {
      System.err.println("testbed: " + e.getMessage());
      System.exit(1);
    }
  }
}
