package dev.headroom.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.headroom.operator.api.v1alpha1.DecisionRecord;
import dev.headroom.operator.api.v1alpha1.ForecastStatus;
import dev.headroom.operator.api.v1alpha1.ScalingPolicy;
import dev.headroom.operator.status.Conditions;
import dev.headroom.testbed.Prometheus;
import dev.headroom.testbed.TestBed;
import dev.headroom.testbed.TestNamespace;
import dev.headroom.testbed.WithTestBed;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The forecast pre-scales before a weekday 09:00 peak that only the history shows.
 *
 * <p>Prometheus holds two weeks (and two days) of a synthetic trace, 5-minute samples: 15 req/s
 * most of the time, 100 req/s on weekdays from 09:00 to 10:00 UTC, 8 req/s at weekends, with 2 %
 * seeded noise. The shared traces have no weekday 09:00 peak (the Wikipedia trace peaks in the
 * evening and barely tells weekdays from weekends), so the shape is built here. The operator's
 * clock is set to a past Tuesday 08:26:30 UTC, where the history ends; the live load (the trace
 * continued at the quiet 15 req/s) asks for 2 replicas. With {@code leadTime: 30m} the 09:00 step
 * is covered from 08:29:56 on (the lead time plus two sync periods of the test operator's 2 s; 30 s
 * at the default 15 s), so the scale to the peak's replicas must be written between 08:29:56 and
 * 08:30 on the operator's clock. The lookback is 15 days, a day more than two weekly seasons, so
 * that the backtest (the last week forecast from the one before) has a full season to start from. A
 * second policy with only two days of history is not forecast ({@code HistoryTooShort}) and still
 * scales on its live load.
 */
@WithTestBed(prometheus = true)
class ForecastIT {

  static final String METRIC = "headroom_it_forecast_load";
  static final Duration STEP = Duration.ofMinutes(5);
  static final double QUIET = 15;
  static final double PEAK = 100;
  static final double WEEKEND = 8;
  static final double SHORT_QUIET = 25;

  private static Instant clockStart;
  private static Instant peak;
  private static OperatorProcess operator;

  @BeforeAll
  static void backfillAndStart(TestBed bed, KubernetesClient client, Prometheus prometheus)
      throws IOException {
    // The latest Tuesday 08:26:30 UTC at least a day ago: history and live data all lie in the
    // past.
    ZonedDateTime tuesday =
        ZonedDateTime.now(ZoneOffset.UTC)
            .minusDays(1)
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.TUESDAY))
            .with(LocalTime.of(8, 26, 30));
    if (tuesday.isAfter(ZonedDateTime.now(ZoneOffset.UTC).minusDays(1))) {
      tuesday = tuesday.minusWeeks(1);
    }
    clockStart = tuesday.toInstant();
    peak = tuesday.with(LocalTime.of(9, 0)).toInstant();
    // The live load goes on quietly until 08:55, past the end of the test.
    Instant end = tuesday.with(LocalTime.of(8, 55)).toInstant();

    Path dir = Files.createDirectories(Path.of("target", "forecast-it"));
    Path weeks = dir.resolve("weekday-peak.csv");
    Path days = dir.resolve("half-a-day.csv");
    writeTrace(weeks, end.minus(Duration.ofDays(16)), end, 42, ForecastIT::weekdayPeak);
    // Less than a day: too short even for the daily season a young weekly one falls back to.
    writeTrace(days, end.minus(Duration.ofHours(12)), end, 7, t -> SHORT_QUIET);
    var b1 = prometheus.backfill(weeks, METRIC, Map.of(), Prometheus.Alignment.INTERVAL, end);
    var b2 = prometheus.backfill(days, METRIC, Map.of(), Prometheus.Alignment.INTERVAL, end);
    assertThat(b1.shiftSeconds()).isZero();
    assertThat(b2.shiftSeconds()).isZero();

    OperatorProcess.install(bed, client);
    operator =
        new OperatorProcess(
                bed,
                client,
                Map.of("HEADROOM_CLOCK_START", clockStart.toString()),
                "operator-forecast")
            .start();
  }

  @AfterAll
  static void stopOperator() {
    if (operator != null) {
      operator.close();
    }
  }

  /** Weekdays 09:00-10:00 UTC peak; weekends are low. */
  static double weekdayPeak(Instant t) {
    ZonedDateTime z = t.atZone(ZoneOffset.UTC);
    if (z.getDayOfWeek() == DayOfWeek.SATURDAY || z.getDayOfWeek() == DayOfWeek.SUNDAY) {
      return WEEKEND;
    }
    return z.getHour() == 9 ? PEAK : QUIET;
  }

  /** A {@code timestamp,requests} trace every 5 minutes over {@code [from, end)}, 2 % noise. */
  static void writeTrace(
      Path file,
      Instant from,
      Instant end,
      long seed,
      java.util.function.ToDoubleFunction<Instant> shape)
      throws IOException {
    Random noise = new Random(seed);
    List<String> lines = new ArrayList<>(List.of("timestamp,requests"));
    for (Instant t = from.truncatedTo(ChronoUnit.MINUTES); t.isBefore(end); t = t.plus(STEP)) {
      double perSecond = shape.applyAsDouble(t) * (1 + 0.02 * (2 * noise.nextDouble() - 1));
      lines.add(t + "," + String.format(Locale.ROOT, "%.3f", perSecond * STEP.toSeconds()));
    }
    Files.write(file, lines);
  }

  static ScalingPolicy policy(String name, String trace, String namespace) {
    return Serialization.unmarshal(
        """
        apiVersion: headroom.dev/v1alpha1
        kind: ScalingPolicy
        metadata: {name: %1$s, namespace: %4$s}
        spec:
          targetRef: {apiVersion: apps/v1, kind: Deployment, name: %1$s}
          replicas: {min: 1, max: 30}
          load:
            signals:
            - {name: requests, query: '%2$s{trace="%3$s"}', type: AverageValue, target: 10}
          forecast: {lookback: 15d, horizon: 2h, leadTime: 30m, seasonality: Weekly}
          behavior:
            scaleUp:
              stabilizationWindowSeconds: 0
              policies: [{type: Percent, value: 1000, periodSeconds: 1}]
            scaleDown:
              stabilizationWindowSeconds: 300
        """
            .formatted(name, METRIC, trace, namespace),
        ScalingPolicy.class);
  }

  @Test
  void preScalesToTheForecastPeakAtLeastLeadTimeBeforeIt(KubernetesClient client, TestNamespace ns)
      throws Exception {
    client.resource(Fixtures.web("web", 1, 10)).create();
    client.resource(Fixtures.web("newcomer", 1, 10)).create();
    Instant launchedWall = Instant.now();
    client.resource(policy("web", "weekday-peak", ns.name())).create();
    client.resource(policy("newcomer", "half-a-day", ns.name())).create();

    // Quiet live load, 15 req/s at 10 per replica: 2 replicas, and the forecast is ready.
    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                replicas(client, "web") >= 2
                    && Conditions.isTrue(conditions(client, "web"), "ForecastReady"));
    var ready = Conditions.find(conditions(client, "web"), "ForecastReady").get();
    assertThat(ready.getReason()).isEqualTo("HistoryReady");

    // The too-short history is said so, and its policy scales on its live load all the same
    // (25 req/s at 10 per replica: 3).
    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                replicas(client, "newcomer") == 3
                    && Conditions.find(conditions(client, "newcomer"), "ForecastReady")
                        .map(c -> "HistoryTooShort".equals(c.getReason()))
                        .orElse(false));
    var tooShort = Conditions.find(conditions(client, "newcomer"), "ForecastReady").get();
    assertThat(tooShort.getStatus()).isEqualTo("False");
    assertThat(policy(client, "newcomer").getStatus().getWinner()).isEqualTo("Reactive");
    assertThat(policy(client, "newcomer").getStatus().getForecast().getSamples()).isPositive();

    // The peak: about 100 req/s -> 10 replicas, there before 08:30 on the operator's clock.
    await()
        .atMost(Duration.ofMinutes(12))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> replicas(client, "web") >= 9);
    Instant seenWall = Instant.now();
    // The status (with the decision record) is written right after the scale patch.
    await()
        .atMost(Duration.ofMinutes(1))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> raise(policy(client, "web")).isPresent());
    ScalingPolicy web = policy(client, "web");
    DecisionRecord raise = raise(web).orElseThrow();
    Instant patched = Instant.parse(raise.getTime());
    Duration aheadOfPeak = Duration.between(patched, peak);
    System.out.printf(
        Locale.ROOT,
        "forecast pre-scale %d -> %d at %s (operator clock), %d s before the "
            + "%s peak; leadTime 30m; operator clock at most %s when seen%n",
        raise.getFromReplicas(),
        raise.getToReplicas(),
        patched,
        aheadOfPeak.toSeconds(),
        peak,
        clockStart.plus(Duration.between(launchedWall, seenWall)));
    assertThat(raise.getWinner()).isEqualTo("Forecast");
    // Not earlier than the window reaches the peak's step: the lead time plus two sync periods.
    assertThat(patched).isAfterOrEqualTo(peak.minus(Duration.ofSeconds(30 * 60 + 2 * 2)));
    assertThat(aheadOfPeak).isGreaterThanOrEqualTo(Duration.ofMinutes(30));

    ForecastStatus f = web.getStatus().getForecast();
    assertThat(f.getSignal()).isEqualTo("requests");
    assertThat(f.getPredictedLoad()).isBetween(90.0, 110.0);
    assertThat(f.getPredictedReplicas()).isBetween(9, 11);
    assertThat(f.getPeakLoad()).isBetween(90.0, 110.0);
    assertThat(Instant.parse(f.getPeakAt())).isBetween(peak, peak.plus(Duration.ofMinutes(55)));
    assertThat(f.getErrorSmape()).isBetween(0.0, 0.1);
    assertThat(f.getSamples()).isGreaterThan(4_200);
    assertThat(f.getCoverage()).isGreaterThan(0.99);
    assertThat(f.getStep()).isEqualTo("5m");
    assertThat(web.getStatus().getRecommendations())
        .anySatisfy(r -> assertThat(r.getSource()).isEqualTo("Forecast"));

    String metrics =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(operator.metricsUrl()).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    assertThat(metrics)
        .containsPattern("headroom_forecast_replicas\\{[^}]*policy=\"web\"[^}]*} (9|10|11)\\.0");
    assertThat(metrics)
        .contains("headroom_forecast_predicted_load{")
        .contains("headroom_forecast_error_ratio{");
    assertThat(metrics)
        .containsPattern("headroom_forecast_ready\\{[^}]*policy=\"newcomer\"[^}]*} 0\\.0");
    assertThat(operator.alive()).isTrue();
  }

  private static java.util.Optional<DecisionRecord> raise(ScalingPolicy p) {
    return p.getStatus().getHistory().stream()
        .filter(r -> r.getToReplicas() != null && r.getToReplicas() >= 9)
        .findFirst();
  }

  private static int replicas(KubernetesClient client, String name) {
    return client.apps().deployments().withName(name).get().getSpec().getReplicas();
  }

  private static ScalingPolicy policy(KubernetesClient client, String name) {
    return client.resources(ScalingPolicy.class).withName(name).get();
  }

  private static List<io.fabric8.kubernetes.api.model.Condition> conditions(
      KubernetesClient client, String name) {
    ScalingPolicy p = policy(client, name);
    return p.getStatus() == null ? List.of() : p.getStatus().getConditions();
  }
}
