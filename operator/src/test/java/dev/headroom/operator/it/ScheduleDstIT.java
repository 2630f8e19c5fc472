package dev.headroom.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.headroom.operator.api.v1alpha1.DecisionRecord;
import dev.headroom.operator.api.v1alpha1.ScalingPolicy;
import dev.headroom.operator.status.Conditions;
import dev.headroom.testbed.TestBed;
import dev.headroom.testbed.TestNamespace;
import dev.headroom.testbed.WithTestBed;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A schedule in Europe/Berlin pre-scales on the right side of the spring-forward. Berlin moves to
 * CEST on Sunday 2027-03-28, so Monday's 09:00 window opens at 07:00 UTC and its 10-minute lead
 * time starts at 06:50 UTC, an hour earlier than the same schedule in winter time. The operator's
 * clock starts at 06:49 UTC that Monday; the load (a constant 5 at 10 per replica) asks for 1
 * replica, so only the schedule can raise it.
 */
@WithTestBed(prometheus = true)
@WithOperator(
    log = "operator-schedule-dst",
    env = "HEADROOM_CLOCK_START=" + ScheduleDstIT.CLOCK_START)
class ScheduleDstIT {

  static final String CLOCK_START = "2027-03-29T06:49:00Z";
  static final Instant LEAD_STARTS = Instant.parse("2027-03-29T06:50:00Z");
  static final Instant WINDOW_OPENS = Instant.parse("2027-03-29T07:00:00Z");

  private static OperatorProcess operator;

  @Test
  void preScalesAtTenToNineBerlinSummerTimeTheDayAfterTheChange(
      KubernetesClient client, TestNamespace ns) {
    client.resource(Fixtures.web("office", 1, 10)).create();
    client
        .resource(
            Serialization.unmarshal(
                """
        apiVersion: headroom.dev/v1alpha1
        kind: ScalingPolicy
        metadata: {name: office, namespace: %s}
        spec:
          targetRef: {apiVersion: apps/v1, kind: Deployment, name: office}
          replicas: {min: 1, max: 10}
          load:
            signals:
            - {name: requests, query: 'vector(5)', type: AverageValue, target: 10}
          schedules:
          - {name: business-hours, cron: '0 9 * * 1-5', timeZone: Europe/Berlin, duration: 9h, leadTime: 10m, minReplicas: 4}
          behavior:
            scaleUp:
              stabilizationWindowSeconds: 0
              policies: [{type: Percent, value: 1000, periodSeconds: 1}]
        """
                    .formatted(ns.name()),
                ScalingPolicy.class))
        .create();

    // Before the lead time: no window, the next one named in UTC.
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () ->
                policy(client).getStatus() != null
                    && Conditions.find(policy(client).getStatus().getConditions(), "ScheduleActive")
                        .isPresent());
    ScalingPolicy before = policy(client);
    if (!Conditions.isTrue(before.getStatus().getConditions(), "ScheduleActive")) {
      assertThat(before.getStatus().getNextScheduleWindow()).isEqualTo(WINDOW_OPENS.toString());
      assertThat(client.apps().deployments().withName("office").get().getSpec().getReplicas())
          .isEqualTo(1);
    }

    await()
        .atMost(Duration.ofMinutes(6))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () ->
                client.apps().deployments().withName("office").get().getSpec().getReplicas() == 4);
    // The status (with the decision record) is written right after the scale patch.
    await()
        .atMost(Duration.ofMinutes(1))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> raise(policy(client)).isPresent());
    ScalingPolicy after = policy(client);
    DecisionRecord raise = raise(after).orElseThrow();
    Instant patched = Instant.parse(raise.getTime());
    System.out.printf(
        "schedule pre-scale 1 -> 4 at %s (operator clock); lead time starts %s%n",
        patched, LEAD_STARTS);
    assertThat(raise.getWinner()).isEqualTo("Schedule");
    assertThat(patched)
        .isAfterOrEqualTo(LEAD_STARTS)
        .isBefore(LEAD_STARTS.plus(Duration.ofMinutes(1)));

    var active = Conditions.find(after.getStatus().getConditions(), "ScheduleActive").orElseThrow();
    assertThat(active.getStatus()).isEqualTo("True");
    assertThat(active.getReason()).isEqualTo("ScheduleWindow");
    assertThat(active.getMessage())
        .contains("business-hours")
        .contains("2027-03-29T07:00:00Z")
        .contains("lead time");
    assertThat(after.getStatus().getActiveSchedule()).isEqualTo("business-hours");
    await("the Event, sent off the reconcile thread")
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(client.v1().events().list().getItems())
                    .anySatisfy(
                        e -> {
                          assertThat(e.getReason()).isEqualTo("ScheduleWindowStarted");
                          assertThat(e.getMessage())
                              .contains("business-hours")
                              .contains("2027-03-29T07:00:00Z");
                        }));
    assertThat(operator.alive()).isTrue();
  }

  @Test
  void aClockStartThatIsNoInstantStopsTheOperatorAtStartupSayingWhy(
      TestBed bed, KubernetesClient client) throws Exception {
    Files.deleteIfExists(java.nio.file.Path.of("target", "operator-bad-clock.log"));
    try (OperatorProcess bad =
        new OperatorProcess(
                bed,
                client,
                Map.of("HEADROOM_CLOCK_START", "next tuesday 08:22"),
                "operator-bad-clock")
            .start()) {
      await()
          .atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> !bad.alive());
      assertThat(Files.readString(bad.log()))
          .contains(
              "headroom.clock.start (HEADROOM_CLOCK_START) is 'next tuesday 08:22', not an "
                  + "ISO-8601 instant such as 2027-03-29T06:49:00Z");
    }
  }

  private static java.util.Optional<DecisionRecord> raise(ScalingPolicy p) {
    return p.getStatus().getHistory().stream()
        .filter(r -> Integer.valueOf(4).equals(r.getToReplicas()))
        .findFirst();
  }

  private static ScalingPolicy policy(KubernetesClient client) {
    return client.resources(ScalingPolicy.class).withName("office").get();
  }
}
