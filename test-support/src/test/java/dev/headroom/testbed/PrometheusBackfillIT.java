package dev.headroom.testbed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * Prometheus answers queries over history backfilled from the shared traces, and sees live values.
 */
@WithTestBed(prometheus = true)
class PrometheusBackfillIT {

  private record Row(Instant timestamp, double requests) {}

  @Test
  void answersQueriesOverAWeekAlignedBackfilledTrace(TestBed bed, Prometheus prometheus)
      throws IOException {
    Path csv = bed.trace("wikipedia-2022sep-dec-hour.csv");
    List<Row> rows = read(csv);
    Instant before = Instant.now();

    Prometheus.Backfill backfill =
        prometheus.backfill(
            csv, Prometheus.TRACE_METRIC, Map.of("source", "wikimedia"), Prometheus.Alignment.WEEK);

    assertThat(backfill.samples()).isEqualTo(rows.size());
    assertThat(backfill.interval()).isEqualTo(Duration.ofHours(1));
    assertThat(backfill.shiftSeconds() % Duration.ofDays(7).toSeconds()).isZero();
    assertThat(backfill.last()).isEqualTo(backfill.shifted(rows.get(rows.size() - 1).timestamp()));
    assertThat(backfill.last()).isBefore(Instant.now()).isAfter(before.minus(Duration.ofDays(8)));

    String series =
        Prometheus.TRACE_METRIC + "{trace=\"wikipedia-2022sep-dec-hour\",source=\"wikimedia\"}";
    long window = Duration.between(backfill.first(), Instant.now()).toSeconds() + 3600;
    assertThat(prometheus.queryValue("count_over_time(" + series + "[" + window + "s])"))
        .hasValue(rows.size());
    double peak = rows.stream().mapToDouble(Row::requests).max().orElseThrow();
    assertThat(prometheus.queryValue("max_over_time(" + series + "[" + window + "s])"))
        .hasValue(peak / 3600);

    // The flash crowd after the announcement of Queen Elizabeth II's death, at its shifted time.
    Instant crowd = Instant.parse("2022-09-08T18:00:00Z");
    Row row = rows.stream().filter(r -> r.timestamp().equals(crowd)).findFirst().orElseThrow();
    assertThat(prometheus.queryValue(series, backfill.shifted(crowd)))
        .hasValue(row.requests() / 3600);
  }

  @Test
  void aBackfilledTraceEndsJustBeforeNow(TestBed bed, Prometheus prometheus) throws IOException {
    Path csv = bed.trace("azure-functions-8h-minute.csv");
    List<Row> rows = read(csv);
    Instant before = Instant.now();

    Prometheus.Backfill backfill = prometheus.backfill(csv);

    assertThat(backfill.interval()).isEqualTo(Duration.ofMinutes(1));
    // the last interval ends at or before "now", at most one interval earlier
    assertThat(backfill.last().plus(backfill.interval())).isBeforeOrEqualTo(Instant.now());
    assertThat(backfill.last())
        .isAfterOrEqualTo(before.minus(Duration.ofMinutes(2)).minusSeconds(1));
    String series = Prometheus.TRACE_METRIC + "{trace=\"azure-functions-8h-minute\"}";
    // an instant query now sees the trace's last value (within Prometheus' 5 minute look-back)
    assertThat(prometheus.queryValue(series)).hasValue(rows.get(rows.size() - 1).requests() / 60);
  }

  @Test
  void seesLiveLoadValuesWithinAFewScrapes(Prometheus prometheus, TestNamespace namespace) {
    Map<String, String> labels = Map.of("namespace", namespace.name(), "app", "web");
    String query = "headroom_test_requests_per_second{namespace=\"" + namespace.name() + "\"}";

    prometheus.setLoad("headroom_test_requests_per_second", labels, 42.5);
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> prometheus.queryValue(query).equals(OptionalDouble.of(42.5)));

    prometheus.setLoad("headroom_test_requests_per_second", labels, 7);
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> prometheus.queryValue(query).equals(OptionalDouble.of(7)));

    prometheus.clearLoad("headroom_test_requests_per_second", labels);
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> prometheus.queryValue(query).isEmpty());
  }

  private static List<Row> read(Path csv) throws IOException {
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines.get(0)).isEqualTo("timestamp,requests");
    return lines.stream()
        .skip(1)
        .filter(l -> !l.isBlank())
        .map(
            l -> {
              String[] cells = l.split(",");
              return new Row(Instant.parse(cells[0]), Double.parseDouble(cells[1]));
            })
        .toList();
  }
}
