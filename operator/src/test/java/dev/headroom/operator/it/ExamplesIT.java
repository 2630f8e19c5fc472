package dev.headroom.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.headroom.operator.api.v1alpha1.ConnectionBudget;
import dev.headroom.operator.api.v1alpha1.ConsumerGrant;
import dev.headroom.operator.api.v1alpha1.ScalingPolicy;
import dev.headroom.operator.api.v1alpha1.SourceRecommendation;
import dev.headroom.operator.policy.HpaCapper;
import dev.headroom.operator.status.Conditions;
import dev.headroom.testbed.Prometheus;
import dev.headroom.testbed.TestBed;
import dev.headroom.testbed.TestNamespace;
import dev.headroom.testbed.WithTestBed;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every file under examples/ is created on the real API server, as a user would apply it, with the
 * metrics its queries read served live through the test bed's Prometheus (counters growing at the
 * rates below, gauges). Every ScalingPolicy and ConnectionBudget must reach {@code Ready=True}, and
 * each example must do what its comment says.
 */
@WithTestBed(prometheus = true)
@WithOperator(log = "operator-examples")
class ExamplesIT {

  private static final Duration SETTLE = Duration.ofMinutes(3);
  private static OperatorProcess operator;
  private static LiveSeries series;
  private static KubernetesClient client;
  private static final List<String> policies = new ArrayList<>();
  private static final List<String> budgets = new ArrayList<>();

  @BeforeAll
  static void applyEveryExample(
      TestBed bed, KubernetesClient admin, TestNamespace ns, Prometheus prometheus)
      throws Exception {
    client = admin;
    series =
        new LiveSeries(prometheus)
            // scalingpolicy-web-threads: 800 req/s, p99 latency in (0.25 s, 0.5 s]
            .counter("http_requests_total", Map.of("job", "web"), 800)
            .counter("http_request_duration_seconds_bucket", Map.of("job", "web", "le", "0.25"), 0)
            .counter("http_request_duration_seconds_bucket", Map.of("job", "web", "le", "0.5"), 800)
            .counter(
                "http_request_duration_seconds_bucket", Map.of("job", "web", "le", "+Inf"), 800)
            .counter("http_requests_total", Map.of("job", "shop"), 60)
            .counter("http_requests_total", Map.of("job", "search"), 45)
            .counter("http_requests_total", Map.of("job", "legacy-api"), 100)
            .counter("billing_invoices_created_total", Map.of(), 30)
            // 145, not 150: 150 / 25 is exactly 6, and a rate measured a little above it asks 7;
            // 145 is also out of the 10 % tolerance at 5 replicas (145 / 125 = 1.16)
            .counter("http_requests_total", Map.of("job", "checkout"), 145)
            .counter("catalog_db_queries_total", Map.of(), 900)
            .gauge("reports_queue_length", Map.of(), 250)
            .gauge("pg_stat_activity_count", Map.of("datname", "app"), 12)
            .gauge("pg_stat_activity_count", Map.of("datname", "orders"), 4)
            .gauge("headroom_demo_rps", Map.of("service", "storefront"), 200)
            .gauge("headroom_demo_rps", Map.of("service", "stock"), 100)
            .gauge("headroom_demo_rps", Map.of("service", "reporting"), 50)
            .start();

    List<Path> files;
    try (Stream<Path> walk = Files.walk(bed.repoRoot().resolve("examples"))) {
      files = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(10);
    for (Path file : files) {
      try (InputStream in = Files.newInputStream(file)) {
        for (HasMetadata item : client.load(in).items()) {
          client.resource(item).inNamespace(ns.name()).create();
          if ("ScalingPolicy".equals(item.getKind())) {
            policies.add(item.getMetadata().getName());
          } else if ("ConnectionBudget".equals(item.getKind())) {
            budgets.add(item.getMetadata().getName());
          }
        }
      }
    }
    assertThat(policies).hasSizeGreaterThanOrEqualTo(10);
    assertThat(budgets).hasSizeGreaterThanOrEqualTo(5);
  }

  @AfterAll
  static void stop() {
    if (series != null) {
      series.close();
    }
  }

  @Test
  void everyPolicyAndBudgetIsReady() {
    await()
        .atMost(SETTLE)
        .pollInterval(Duration.ofSeconds(2))
        .untilAsserted(
            () -> {
              for (String name : policies) {
                ScalingPolicy p = policy(name);
                assertThat(p.getStatus()).as(name).isNotNull();
                assertThat(p.getStatus().getObservedGeneration())
                    .as(name)
                    .isEqualTo(p.getMetadata().getGeneration());
                assertThat(Conditions.isTrue(p.getStatus().getConditions(), "Ready"))
                    .as(
                        "%s Ready: %s",
                        name, Conditions.find(p.getStatus().getConditions(), "Ready"))
                    .isTrue();
              }
              for (String name : budgets) {
                ConnectionBudget b = budget(name);
                assertThat(b.getStatus()).as(name).isNotNull();
                assertThat(Conditions.isTrue(b.getStatus().getConditions(), "Ready"))
                    .as(
                        "%s Ready: %s",
                        name, Conditions.find(b.getStatus().getConditions(), "Ready"))
                    .isTrue();
              }
            });
    assertThat(operator.alive()).isTrue();
  }

  /** connectionbudget-postgres: 100 - 10 reserved, usage observed through postgres_exporter. */
  @Test
  void thePostgresBudgetSharesNinetyAndObservesTheConnectionsInUse() {
    await()
        .atMost(SETTLE)
        .untilAsserted(
            () -> {
              ConnectionBudget b = budget("postgres");
              assertThat(b.getStatus().getAvailable()).isEqualTo(90);
              assertThat(b.getStatus().getObservedConnections()).isEqualTo(12);
              assertThat(Conditions.isTrue(b.getStatus().getConditions(), "Breached")).isFalse();
            });
  }

  /**
   * scalingpolicy-web-threads: 800 req/s at a p99 of about 0.5 s is about 400 in flight, 3 pods of
   * 160; 800 req/s at 40 per pod is 20 pods; the larger need wins.
   */
  @Test
  void theWebFrontEndScalesOnTheLargerOfRequestRateAndThreads() {
    await()
        .atMost(SETTLE)
        .untilAsserted(
            () -> {
              ScalingPolicy p = policy("web");
              // 800 req/s at 40 per pod is 20. The rate of a fresh counter climbs for its first 2
              // minutes, and a scale-up that reached 19 on the way stays there: 800 / 19 / 40 =
              // 1.05 is
              // inside the HPA's 10 % tolerance, as it would be for the HPA itself.
              int replicas = deployment("web").getSpec().getReplicas();
              assertThat(replicas).isBetween(19, 20);
              assertThat(p.getStatus().getRecommendations())
                  .anySatisfy(r -> assertRecommendation(r, "Reactive", replicas))
                  .anySatisfy(r -> assertRecommendation(r, "Capacity", 3));
              assertThat(p.getStatus().getWinner()).isEqualTo("Reactive");
            });
  }

  /** scalingpolicy-weekday-morning: a floor of 12 from 08:45 to 12:00 Berlin, Monday to Friday. */
  @Test
  void theShopsNextWindowIsTheNextWeekdayNineOClockInBerlin() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    await()
        .atMost(SETTLE)
        .untilAsserted(
            () -> {
              ScalingPolicy p = policy("shop");
              ZonedDateTime now = ZonedDateTime.now(berlin);
              assertThat(Instant.parse(p.getStatus().getNextScheduleWindow()))
                  .isEqualTo(nextWeekdayNine(now).toInstant());
              boolean inWindow =
                  now.getDayOfWeek().getValue() <= DayOfWeek.FRIDAY.getValue()
                      && !now.toLocalTime().isBefore(LocalTime.of(8, 45))
                      && now.toLocalTime().isBefore(LocalTime.of(12, 0));
              // 60 req/s at 50 per pod is 2, replicas.min: 12 only in the window
              assertThat(deployment("shop").getSpec().getReplicas()).isEqualTo(inWindow ? 12 : 2);
            });
  }

  /** scalingpolicy-forecast: without 21 days of history the forecast is off and says so. */
  @Test
  void theSearchForecastWaitsForHistoryAndSaysSo() {
    await()
        .atMost(SETTLE)
        .untilAsserted(
            () -> {
              ScalingPolicy p = policy("search");
              var forecast = Conditions.find(p.getStatus().getConditions(), "ForecastReady");
              assertThat(forecast).isPresent();
              assertThat(forecast.get().getStatus()).isEqualTo("False");
              assertThat(forecast.get().getReason())
                  .isIn("NoHistory", "HistoryTooShort", "HistoryTooGappy");
              // 45 req/s at 30 per pod is 2, below replicas.min 3
              assertThat(deployment("search").getSpec().getReplicas()).isEqualTo(3);
            });
  }

  /** scalingpolicy-dryrun: every decision recorded with dryRun: true, the Deployment untouched. */
  @Test
  void theBillingDryRunRecordsDecisionsAndNeverWritesTheDeployment() {
    await()
        .atMost(SETTLE)
        .untilAsserted(
            () -> {
              ScalingPolicy p = policy("billing");
              assertThat(Conditions.find(p.getStatus().getConditions(), "Ready").get().getReason())
                  .isEqualTo("DryRun");
              // 30 invoices/s at 5 per pod is 6 once the 5-minute rate window is full; more than
              // the 1
              // replica running in any case: DESIRED differs from REPLICAS
              assertThat(p.getStatus().getDesiredReplicas())
                  .isGreaterThan(1)
                  .isLessThanOrEqualTo(6);
              assertThat(p.getStatus().getHistory())
                  .isNotEmpty()
                  .allSatisfy(h -> assertThat(h.getDryRun()).isTrue())
                  .anySatisfy(h -> assertThat(h.getToReplicas()).isGreaterThan(1));
            });
    Deployment billing = deployment("billing");
    assertThat(billing.getMetadata().getGeneration()).as("never written").isEqualTo(1);
    assertThat(billing.getSpec().getReplicas()).as("the API server's default").isEqualTo(1);
    assertThat(env(billing, "DB_POOL_SIZE")).isEqualTo("5");
  }

  /** scalingpolicy-cap-hpa: the HPA's maxReplicas follows the 60-connection budget. */
  @Test
  void theLegacyHpaIsCappedByItsBudget() {
    await()
        .atMost(SETTLE)
        .untilAsserted(
            () -> {
              ScalingPolicy p = policy("legacy-api");
              HorizontalPodAutoscaler hpa =
                  client.autoscaling().v2().horizontalPodAutoscalers().withName("legacy-api").get();
              int max = hpa.getSpec().getMaxReplicas();
              int pool = Integer.parseInt(env(deployment("legacy-api"), "DB_POOL_SIZE"));
              assertThat(max).isLessThan(50).isGreaterThanOrEqualTo(2);
              assertThat(pool).isEqualTo(p.getStatus().getPoolSize());
              assertThat((long) (max + 1) * pool)
                  .as("(maxReplicas + maxSurge) x pool within the grant")
                  .isLessThanOrEqualTo(p.getStatus().getGrant());
              assertThat(hpa.getMetadata().getAnnotations())
                  .containsEntry(HpaCapper.OWNER_MAX, "50");
            });
  }

  /** shared-budget: Priority allocation, guaranteed minimums, one delivery of each kind. */
  @Test
  void theSharedBudgetGuaranteesEachMinimumAndDeliversEachPool() {
    await()
        .atMost(SETTLE)
        .untilAsserted(
            () -> {
              ConnectionBudget b = budget("orders-db");
              List<ConsumerGrant> consumers = b.getStatus().getConsumers();
              // (replicas.min + maxSurge at the current size) x poolSize.min
              assertThat(consumers)
                  .extracting(c -> c.getPolicy().replaceFirst(".*/", ""), ConsumerGrant::getMinimum)
                  .containsExactlyInAnyOrder(
                      tuple("checkout", (2 + policy("checkout").getStatus().getMaxSurge()) * 5),
                      tuple("catalog", (2 + policy("catalog").getStatus().getMaxSurge()) * 4),
                      tuple("reports", (1 + 1) * 2));
              assertThat(consumers)
                  .allSatisfy(c -> assertThat(c.getGrant()).isGreaterThanOrEqualTo(c.getMinimum()));
              assertThat(consumers.stream().mapToInt(ConsumerGrant::getGrant).sum())
                  .isLessThanOrEqualTo(180);
              assertThat(b.getStatus().getObservedConnections()).isEqualTo(4);

              assertThat(env(deployment("checkout"), "DB_POOL_SIZE"))
                  .isEqualTo(String.valueOf(policy("checkout").getStatus().getPoolSize()));
              assertThat(
                      client.configMaps().withName("catalog-pool").get().getData().get("pool-size"))
                  .isEqualTo(String.valueOf(policy("catalog").getStatus().getPoolSize()));
              assertThat(
                      deployment("reports")
                          .getSpec()
                          .getTemplate()
                          .getMetadata()
                          .getAnnotations()
                          .get("example.com/db-pool-size"))
                  .isEqualTo(String.valueOf(policy("reports").getStatus().getPoolSize()));
              // What the load asks: checkout 145/25 = 6 (5.8 up), catalog 900/200 = 5 (4.5 up),
              // reports
              // backlog
              // 250/100 = 3; each gets it, or as many as its grant carries at its pool
              for (var asked : Map.of("checkout", 6, "catalog", 5, "reports", 3).entrySet()) {
                ScalingPolicy p = policy(asked.getKey());
                assertThat(p.getStatus().getRequestedReplicas())
                    .as(asked.getKey())
                    .isEqualTo(asked.getValue());
                int replicas = deployment(asked.getKey()).getSpec().getReplicas();
                assertThat(replicas)
                    .as(
                        "%s: winner %s, limited by %s, %s",
                        asked.getKey(),
                        p.getStatus().getWinner(),
                        p.getStatus().getLimitedBy(),
                        p.getStatus().getConditions())
                    .isEqualTo(p.getStatus().getDesiredReplicas())
                    .isBetween(2 - (asked.getKey().equals("reports") ? 1 : 0), asked.getValue());
                assertThat(
                        replicas == asked.getValue()
                            || "Budget".equals(p.getStatus().getLimitedBy()))
                    .as(
                        "%s runs what it asks unless the budget limits it (%s)",
                        asked.getKey(), p.getStatus().getLimitedBy())
                    .isTrue();
              }
            });
  }

  /** demo: three services on one Priority budget, each scaled on its own request rate. */
  @Test
  void theDemoServicesScaleOnTheirRequestRates() {
    await()
        .atMost(SETTLE)
        .untilAsserted(
            () -> {
              // storefront 200/50 = 4, stock 100/50 = 2, reporting 50/50 = 1 (4 in its weekday
              // window)
              assertThat(deployment("storefront").getSpec().getReplicas()).isEqualTo(4);
              assertThat(deployment("stock").getSpec().getReplicas()).isEqualTo(2);
              assertThat(deployment("reporting").getSpec().getReplicas())
                  .isEqualTo(policy("reporting").getStatus().getActiveSchedule() == null ? 1 : 4);
              ConnectionBudget b = budget("demo-db");
              assertThat(b.getStatus().getConsumers()).hasSize(3);
              assertThat(b.getStatus().getAllocated()).isLessThanOrEqualTo(90);
            });
  }

  private static void assertRecommendation(SourceRecommendation r, String source, int replicas) {
    assertThat(r.getSource()).isEqualTo(source);
    assertThat(r.getReplicas()).isEqualTo(replicas);
  }

  private static ZonedDateTime nextWeekdayNine(ZonedDateTime now) {
    ZonedDateTime candidate = now.toLocalDate().atTime(9, 0).atZone(now.getZone());
    while (!candidate.isAfter(now) || candidate.getDayOfWeek().getValue() > 5) {
      candidate = candidate.plusDays(1).toLocalDate().atTime(9, 0).atZone(now.getZone());
    }
    return candidate;
  }

  private static String env(Deployment d, String name) {
    return d.getSpec().getTemplate().getSpec().getContainers().stream()
        .flatMap(c -> c.getEnv().stream())
        .filter(e -> e.getName().equals(name))
        .map(EnvVar::getValue)
        .findFirst()
        .orElse(null);
  }

  private static ScalingPolicy policy(String name) {
    return client.resources(ScalingPolicy.class).withName(name).get();
  }

  private static ConnectionBudget budget(String name) {
    return client.resources(ConnectionBudget.class).withName(name).get();
  }

  private static Deployment deployment(String name) {
    return client.apps().deployments().withName(name).get();
  }
}
