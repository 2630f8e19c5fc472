package dev.headroom.testbed.prometheus;

import dev.headroom.testbed.TestBedException;
import dev.headroom.testbed.backfill.BackfillPlan;
import dev.headroom.testbed.backfill.BackfillWriter;
import dev.headroom.testbed.components.Layout;
import dev.headroom.testbed.process.Command;
import dev.headroom.testbed.process.Daemons;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code scripts/testbed backfill}: turns a trace into OpenMetrics ({@link BackfillWriter}),
 * deletes any earlier backfill of the same trace, and has promtool write the blocks into
 * Prometheus's data dir while Prometheus is stopped; Prometheus then starts again on its port and
 * loads them. Returns the summary line ({@code trace=T metric=M interval=S shift=S first=E last=E
 * samples=N}).
 */
public final class TraceBackfill {

  private final Layout layout;
  private final Daemons daemons;
  private final PrometheusServer prometheus;
  private final Clock clock;

  public TraceBackfill(Layout layout, Daemons daemons, PrometheusServer prometheus, Clock clock) {
    this.layout = layout;
    this.daemons = daemons;
    this.prometheus = prometheus;
    this.clock = clock;
  }

  public BackfillPlan run(BackfillArguments args) {
    if (!Files.isRegularFile(Path.of(args.csv()))) {
      throw new TestBedException("trace file " + args.csv() + " not found");
    }
    if (!daemons.alive("prometheus")) {
      throw new TestBedException(
          "prometheus is not running; run 'scripts/testbed up --with-prometheus'");
    }
    String trace = args.trace();
    Path dir = layout.prometheus().resolve("backfill");
    Path openMetrics = dir.resolve(trace + ".om");
    BackfillPlan plan;
    try {
      Files.createDirectories(dir);
      plan =
          BackfillWriter.run(
              new String[] {
                args.csv(),
                openMetrics.toString(),
                args.metric(),
                args.labels(),
                args.align(),
                args.end()
              },
              clock);
      Files.writeString(dir.resolve(trace + ".summary"), plan.summary() + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int port = daemons.port("prometheus").orElseThrow();
    String api = "http://127.0.0.1:" + port + "/api/v1/admin/tsdb/";
    String match = "match[]=" + args.metric() + "{trace=\"" + trace + "\"}";
    if (!Command.succeeds(
        List.of("curl", "-sf", "-X", "POST", "--data-urlencode", match, api + "delete_series"))) {
      throw new TestBedException("prometheus refused to delete old series of " + trace);
    }
    Command.succeeds(List.of("curl", "-sf", "-X", "POST", api + "clean_tombstones"));
    daemons.stop("prometheus");
    Path log = layout.logs().resolve("backfill-" + trace + ".log");
    boolean written =
        Command.run(
                List.of(
                    "promtool",
                    "tsdb",
                    "create-blocks-from",
                    "openmetrics",
                    "--max-block-duration=744h",
                    openMetrics.toString(),
                    prometheus.dataDir().toString()),
                Map.of(),
                log)
            .ok();
    prometheus.startProcess(port);
    if (!written) {
      throw new TestBedException("promtool could not backfill " + args.csv() + "; see " + log);
    }
    return plan;
  }

  /** The progress line after a backfill. */
  public static String describe(BackfillPlan plan) {
    return "backfilled %d samples of %s{trace=\"%s\"} every %ds, shifted by %ds to %s .. %s"
        .formatted(
            plan.points().size(),
            plan.series().metric(),
            plan.trace(),
            plan.shift().intervalSeconds(),
            plan.shift().shiftSeconds(),
            Instant.ofEpochSecond(plan.firstSecond()),
            Instant.ofEpochSecond(plan.lastSecond()));
  }
}
