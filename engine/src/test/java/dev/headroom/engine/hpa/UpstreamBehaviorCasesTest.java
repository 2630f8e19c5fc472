package dev.headroom.engine.hpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.engine.model.Behavior;
import dev.headroom.engine.model.ScaleEvent;
import dev.headroom.engine.model.ScalingHistory;
import dev.headroom.engine.model.ScalingPolicyRule;
import dev.headroom.engine.model.ScalingRules;
import dev.headroom.engine.model.SelectPolicy;
import dev.headroom.engine.model.TimestampedRecommendation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Behaviour cases of the Kubernetes HPA's {@code pkg/controller/podautoscaler/horizontal_test.go}
 * ported as data, each named after the upstream test and row. Times are relative to a fixed {@code
 * NOW}; the upstream helper that spreads events uniformly over a period is reproduced by {@link
 * #uniform}.
 */
class UpstreamBehaviorCasesTest {

  static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

  private final BehaviorNormalizer normalizer = new BehaviorNormalizer();

  /** Upstream {@code generateScalingRules(pods, podsPeriod, percent, percentPeriod, window)}. */
  static ScalingRules rules(int pods, int podsPeriod, int percent, int percentPeriod, int window) {
    List<ScalingPolicyRule> policies = new ArrayList<>();
    if (pods != 0) {
      policies.add(ScalingPolicyRule.pods(pods, podsPeriod));
    }
    if (percent != 0) {
      policies.add(ScalingPolicyRule.percent(percent, percentPeriod));
    }
    return new ScalingRules(window, SelectPolicy.MAX, policies);
  }

  /**
   * Upstream {@code generateEventsUniformDistribution}: the period is cut into equal segments and
   * each event sits in the middle of its segment, the first one the oldest.
   */
  static List<ScaleEvent> uniform(int periodSeconds, int... changes) {
    List<ScaleEvent> events = new ArrayList<>();
    double segment = (double) periodSeconds / changes.length;
    for (int i = 0; i < changes.length; i++) {
      long secondsAgo = (long) (periodSeconds - segment * (i + 1) + segment / 2);
      events.add(new ScaleEvent(changes[i], NOW.minusSeconds(secondsAgo)));
    }
    return events;
  }

  // ---- TestScalingWithRules -----------------------------------------------------------------

  record RateCase(
      String name,
      List<ScaleEvent> up,
      List<ScaleEvent> down,
      int min,
      int max,
      ScalingRules upRules,
      ScalingRules downRules,
      int current,
      int desired,
      int expected,
      String condition) {}

  static RateCase row(
      String name, int current, int desired, int min, int max, int expected, String condition) {
    return new RateCase(
        name, List.of(), List.of(), min, max, null, null, current, desired, expected, condition);
  }

  static RateCase up(
      String name,
      List<ScaleEvent> upEvents,
      int min,
      int max,
      ScalingRules rules,
      int current,
      int desired,
      int expected,
      String condition) {
    return new RateCase(
        name, upEvents, List.of(), min, max, rules, null, current, desired, expected, condition);
  }

  static RateCase down(
      String name,
      List<ScaleEvent> downEvents,
      int min,
      int max,
      ScalingRules rules,
      int current,
      int desired,
      int expected,
      String condition) {
    return new RateCase(
        name, List.of(), downEvents, min, max, null, rules, current, desired, expected, condition);
  }

  static Stream<Arguments> scalingWithRules() {
    String t = "TestScalingWithRules/";
    List<ScaleEvent> none = List.of();
    return Stream.of(
            row(
                t + "prenormalized desired replicas within range",
                5,
                7,
                3,
                8,
                7,
                "DesiredWithinRange"),
            row(
                t + "prenormalized desired replicas < minReplicas",
                3,
                1,
                2,
                8,
                2,
                "TooFewReplicas"),
            row(
                t + "prenormalized desired replicas within range when minReplicas is 0",
                1,
                0,
                0,
                10,
                0,
                "DesiredWithinRange"),
            row(
                t + "maxReplicas is the limit because maxReplicas < scaleUpLimit",
                20,
                1000,
                1,
                10,
                10,
                "TooManyReplicas"),
            row(
                t + "desired replica count is more than the maximum replica count",
                100,
                1000,
                100,
                150,
                150,
                "TooManyReplicas"),
            up(
                t
                    + "scaleUpLimit is the limit because scaleUpLimit < maxReplicas with user policies",
                none,
                1,
                2000,
                rules(0, 0, 1, 60, 0),
                3,
                1000,
                4,
                "ScaleUpLimit"),
            down(
                t
                    + "scaleDownLimit is the limit because scaleDownLimit > minReplicas with user defined policies",
                none,
                3,
                2000,
                rules(20, 60, 0, 0, 0),
                1000,
                3,
                980,
                "ScaleDownLimit"),
            row(t + "scaleUp with default behavior", 10, 50, 1, 1000, 20, "ScaleUpLimit"),
            up(
                t + "scaleUp with pods policy larger than percent policy",
                none,
                1,
                1000,
                rules(100, 60, 100, 60, 0),
                10,
                500,
                110,
                "ScaleUpLimit"),
            up(
                t + "scaleUp with percent policy larger than pods policy",
                none,
                1,
                1000,
                rules(2, 60, 100, 60, 0),
                10,
                500,
                20,
                "ScaleUpLimit"),
            up(
                t + "scaleUp with spec MaxReplicas limitation with large pod policy",
                none,
                1,
                1000,
                rules(100, 60, 0, 0, 0),
                10,
                50,
                50,
                "DesiredWithinRange"),
            up(
                t + "scaleUp with spec MaxReplicas limitation with large percent policy",
                none,
                1,
                1000,
                rules(10000, 60, 0, 0, 0),
                10,
                50,
                50,
                "DesiredWithinRange"),
            up(
                t + "scaleUp with pod policy limitation",
                none,
                1,
                1000,
                rules(30, 60, 0, 0, 0),
                10,
                50,
                40,
                "ScaleUpLimit"),
            up(
                t + "scaleUp with percent policy limitation",
                none,
                1,
                1000,
                rules(0, 0, 200, 60, 0),
                10,
                50,
                30,
                "ScaleUpLimit"),
            down(
                t + "scaleDown with percent policy larger than pod policy",
                none,
                1,
                1000,
                rules(20, 60, 1, 60, 300),
                100,
                2,
                80,
                "ScaleDownLimit"),
            down(
                t + "scaleDown with pod policy larger than percent policy",
                none,
                1,
                1000,
                rules(2, 60, 1, 60, 300),
                100,
                2,
                98,
                "ScaleDownLimit"),
            down(
                t + "scaleDown with spec MinReplicas=nil limitation with large pod policy",
                none,
                1,
                1000,
                rules(100, 60, 0, 0, 300),
                10,
                0,
                1,
                "TooFewReplicas"),
            down(
                t + "scaleDown with spec MinReplicas limitation with large pod policy",
                none,
                1,
                1000,
                rules(100, 60, 0, 0, 300),
                10,
                0,
                1,
                "TooFewReplicas"),
            down(
                t + "scaleDown with spec MinReplicas limitation with large percent policy",
                none,
                5,
                1000,
                rules(0, 0, 100, 60, 300),
                10,
                2,
                5,
                "TooFewReplicas"),
            down(
                t + "scaleDown with pod policy limitation",
                none,
                1,
                1000,
                rules(5, 60, 0, 0, 300),
                10,
                2,
                5,
                "ScaleDownLimit"),
            down(
                t + "scaleDown with percent policy limitation",
                none,
                1,
                1000,
                rules(0, 0, 50, 60, 300),
                10,
                5,
                5,
                "DesiredWithinRange"),
            up(
                t + "scaleUp with spec MaxReplicas limitation with large pod policy and events",
                uniform(120, 1, 5, 9),
                1,
                200,
                rules(300, 60, 0, 0, 0),
                100,
                500,
                200,
                "TooManyReplicas"),
            up(
                t + "scaleUp with spec MaxReplicas limitation with large percent policy and events",
                uniform(120, 1, 5, 9),
                1,
                200,
                rules(0, 0, 10000, 60, 0),
                100,
                500,
                200,
                "TooManyReplicas"),
            up(
                t
                    + "scaleUp with currentReplicas limitation with rate.PeriodSeconds with a lot of recent scale up events",
                uniform(120, 1, 5, 9),
                1,
                1000,
                rules(5, 120, 0, 0, 0),
                100,
                500,
                100,
                "ScaleUpLimit"),
            up(
                t + "scaleUp with pod policy and previous scale up events",
                uniform(120, 1, 5, 9),
                1,
                1000,
                rules(150, 120, 0, 0, 0),
                100,
                500,
                235,
                "ScaleUpLimit"),
            up(
                t + "scaleUp with percent policy and previous scale up events",
                uniform(120, 1, 5, 9),
                1,
                1000,
                rules(0, 0, 200, 120, 0),
                100,
                500,
                255,
                "ScaleUpLimit"),
            new RateCase(
                t + "scaleUp with percent policy and previous scale up and down events",
                uniform(120, 4),
                uniform(120, 2),
                1,
                1000,
                rules(0, 0, 300, 300, 0),
                null,
                6,
                24,
                16,
                "ScaleUpLimit"),
            down(
                t + "scaleDown with default policy and previous events",
                uniform(120, 1, 5, 9),
                1,
                1000,
                null,
                10,
                5,
                5,
                "DesiredWithinRange"),
            down(
                t
                    + "scaleDown with spec MinReplicas=nil limitation with large pod policy and previous events",
                uniform(120, 1, 5, 9),
                1,
                1000,
                rules(115, 120, 0, 0, 300),
                100,
                0,
                1,
                "TooFewReplicas"),
            down(
                t
                    + "scaleDown with spec MinReplicas limitation with large pod policy and previous events",
                uniform(120, 1, 5, 9),
                5,
                1000,
                rules(130, 120, 0, 0, 300),
                100,
                0,
                5,
                "TooFewReplicas"),
            down(
                t
                    + "scaleDown with spec MinReplicas limitation with large percent policy and previous events",
                uniform(120, 1, 5, 9),
                5,
                1000,
                rules(0, 0, 100, 120, 300),
                100,
                2,
                5,
                "TooFewReplicas"),
            down(
                t + "scaleDown with pod policy limitation and previous events",
                uniform(120, 1, 5, 9),
                1,
                1000,
                rules(5, 120, 0, 0, 300),
                100,
                2,
                100,
                "ScaleDownLimit"),
            down(
                t + "scaleDown with percent policy limitation and previous events",
                uniform(120, 2, 4, 6),
                1,
                1000,
                rules(0, 0, 50, 120, 300),
                100,
                0,
                56,
                "ScaleDownLimit"),
            new RateCase(
                t + "scaleDown with percent policy and previous scale up and down events",
                uniform(120, 2),
                uniform(120, 4),
                1,
                1000,
                null,
                rules(0, 0, 50, 180, 0),
                10,
                1,
                6,
                "ScaleDownLimit"),
            down(
                t + "scaleDown with previous events preventing further scale down",
                uniform(120, 10, 10, 10),
                1,
                1000,
                rules(0, 0, 10, 120, 300),
                100,
                0,
                100,
                "ScaleDownLimit"),
            down(
                t + "scaleDown with with previous events still allowing more scale down",
                uniform(120, 10, 10, 10),
                1,
                1000,
                rules(0, 0, 1000, 120, 300),
                10,
                5,
                5,
                "DesiredWithinRange"),
            up(
                t + "check 'outdated' flag for events for one behavior for up",
                uniform(120, 8, 12, 9, 11),
                1,
                1000,
                rules(1000, 60, 0, 0, 0),
                100,
                200,
                200,
                "DesiredWithinRange"),
            up(
                t
                    + "check that events were not marked 'outdated' for two different policies in the behavior for up",
                uniform(120, 8, 12, 9, 11),
                1,
                1000,
                rules(1000, 120, 100, 60, 0),
                100,
                200,
                200,
                "DesiredWithinRange"),
            up(
                t
                    + "check that events were marked 'outdated' for two different policies in the behavior for up",
                uniform(120, 8, 12, 9, 11),
                1,
                1000,
                rules(1000, 30, 100, 60, 0),
                100,
                200,
                200,
                "DesiredWithinRange"),
            down(
                t + "check 'outdated' flag for events for one behavior for down",
                uniform(120, 8, 12, 9, 11),
                1,
                1000,
                rules(1000, 60, 0, 0, 300),
                100,
                5,
                5,
                "DesiredWithinRange"),
            down(
                t
                    + "check that events were not marked 'outdated' for two different policies in the behavior for down",
                uniform(120, 8, 12, 9, 11),
                1,
                1000,
                rules(1000, 120, 100, 60, 300),
                100,
                5,
                5,
                "DesiredWithinRange"),
            down(
                t
                    + "check that events were marked 'outdated' for two different policies in the behavior for down",
                uniform(120, 8, 12, 9, 11),
                1,
                1000,
                rules(1000, 30, 100, 60, 300),
                100,
                5,
                5,
                "DesiredWithinRange"))
        .map(c -> Arguments.of(c.name(), c));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scalingWithRules")
  void scalingWithRules(String name, RateCase c) {
    // Upstream passes the rules through the API defaulting (GenerateHPAScale{Up,Down}Rules).
    Behavior behavior =
        new Behavior(
            c.upRules() == null ? ScalingRules.scaleUpDefaults() : c.upRules(),
            c.downRules() == null ? ScalingRules.scaleDownDefaults() : c.downRules());

    RateLimited result =
        normalizer.applyRates(
            behavior, c.min(), c.max(), c.current(), c.desired(), c.up(), c.down(), NOW);

    assertThat(result.replicas()).isEqualTo(c.expected());
    assertThat(result.reason()).isEqualTo(c.condition());
  }

  // ---- TestNormalizeDesiredReplicasWithBehavior (stabilization windows) ----------------------

  record StabilizationCase(
      String name,
      List<TimestampedRecommendation> recommendations,
      int current,
      int prenormalized,
      int expected,
      List<Integer> expectedLog,
      int upWindow,
      int downWindow) {}

  static TimestampedRecommendation rec(int replicas, int minutesAgo) {
    return new TimestampedRecommendation(replicas, NOW.minusSeconds(60L * minutesAgo));
  }

  static Stream<Arguments> normalizeWithBehavior() {
    String t = "TestNormalizeDesiredReplicasWithBehavior/";
    return Stream.of(
            new StabilizationCase(
                t + "empty recommendations for scaling down",
                List.of(),
                100,
                5,
                5,
                List.of(5),
                0,
                0),
            new StabilizationCase(
                t + "simple scale down stabilization",
                List.of(rec(4, 2), rec(5, 1)),
                100,
                3,
                5,
                List.of(4, 5, 3),
                0,
                180),
            new StabilizationCase(
                t + "simple scale up stabilization",
                List.of(rec(4, 2), rec(5, 1)),
                1,
                7,
                4,
                List.of(4, 5, 7),
                300,
                0),
            new StabilizationCase(
                t + "no scale down stabilization",
                List.of(rec(1, 2), rec(2, 1)),
                100,
                3,
                3,
                List.of(1, 2, 3),
                300,
                0),
            new StabilizationCase(
                t + "no scale up stabilization",
                List.of(rec(4, 2), rec(5, 1)),
                1,
                3,
                3,
                List.of(4, 5, 3),
                0,
                300),
            new StabilizationCase(
                t + "no scale down stabilization, reuse recommendation element",
                List.of(rec(10, 10), rec(9, 9)),
                100,
                3,
                3,
                List.of(10, 3),
                0,
                0),
            new StabilizationCase(
                t + "no scale up stabilization, reuse recommendation element",
                List.of(rec(10, 10), rec(9, 9)),
                1,
                100,
                100,
                List.of(10, 100),
                0,
                0),
            new StabilizationCase(
                t + "scale down stabilization, reuse one of obsolete recommendation element",
                List.of(rec(10, 10), rec(4, 1), rec(5, 2), rec(9, 9)),
                100,
                3,
                5,
                List.of(10, 4, 5, 3),
                0,
                180),
            new StabilizationCase(
                t + "scale up stabilization, reuse one of obsolete recommendation element",
                List.of(rec(10, 100), rec(6, 1), rec(5, 2), rec(9, 3)),
                1,
                100,
                5,
                List.of(100, 6, 5, 9),
                300,
                0),
            new StabilizationCase(
                t
                    + "scale up and down stabilization, do not scale up when prenormalized rec goes down",
                List.of(rec(2, 100), rec(3, 3)),
                2,
                1,
                2,
                null,
                300,
                300),
            new StabilizationCase(
                t
                    + "scale up and down stabilization, do not scale down when prenormalized rec goes up",
                List.of(rec(2, 100), rec(1, 3)),
                2,
                3,
                2,
                null,
                300,
                300))
        .map(c -> Arguments.of(c.name(), c));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("normalizeWithBehavior")
  void stabilization(String name, StabilizationCase c) {
    Behavior behavior =
        new Behavior(
            new ScalingRules(c.upWindow(), SelectPolicy.MAX, List.of()),
            new ScalingRules(c.downWindow(), SelectPolicy.MAX, List.of()));

    BehaviorNormalizer.Stabilized result =
        normalizer.stabilize(behavior, c.current(), c.prenormalized(), c.recommendations(), NOW);

    assertThat(result.replicas()).isEqualTo(c.expected());
    if (c.expectedLog() != null) {
      assertThat(result.recommendations())
          .extracting(TimestampedRecommendation::replicas)
          .containsExactlyElementsOf(c.expectedLog());
    }
  }

  // ---- TestCalculateScaleUpLimitWithScalingRules / TestCalculateScaleDownLimitWithBehaviors --

  @Test
  void TestCalculateScaleUpLimitWithScalingRules() {
    ScalingRules rules =
        new ScalingRules(
            300,
            SelectPolicy.MIN,
            List.of(ScalingPolicyRule.pods(2, 60), ScalingPolicyRule.percent(50, 60)));

    assertThat(BehaviorNormalizer.scaleUpLimit(1, List.of(), List.of(), rules, NOW)).isEqualTo(2);
  }

  @Test
  void TestCalculateScaleDownLimitWithBehaviors() {
    ScalingRules rules =
        new ScalingRules(
            300,
            SelectPolicy.MIN,
            List.of(ScalingPolicyRule.pods(2, 60), ScalingPolicyRule.percent(50, 60)));

    assertThat(BehaviorNormalizer.scaleDownLimit(5, List.of(), List.of(), rules, NOW)).isEqualTo(3);
  }

  // ---- TestStoreScaleEvents -----------------------------------------------------------------

  record StoreCase(
      String name,
      List<ScaleEvent> previous,
      ScalingRules rules,
      int expectedChangeIn60s,
      List<Integer> expectedEvents) {}

  static ScaleEvent ev(int change, int secondsAgo) {
    return new ScaleEvent(change, NOW.minusSeconds(secondsAgo));
  }

  static Stream<Arguments> storeScaleEvents() {
    String t = "TestStoreScaleEvents/";
    return Stream.of(
            new StoreCase(
                t + "empty entries with two-policy-behavior",
                List.of(),
                rules(10, 60, 100, 60, 0),
                0,
                List.of(5)),
            new StoreCase(
                t + "one outdated entry to be replaced with behavior",
                List.of(ev(7, 61)),
                rules(10, 60, 100, 60, 0),
                0,
                List.of(5)),
            new StoreCase(
                t + "one actual entry to be not touched with behavior",
                List.of(ev(7, 58)),
                rules(10, 60, 100, 60, 0),
                7,
                List.of(7, 5)),
            new StoreCase(
                t + "two entries, one of them to be replaced",
                List.of(ev(7, 61), ev(6, 59)),
                rules(10, 60, 0, 0, 0),
                6,
                List.of(5, 6)),
            new StoreCase(
                t + "replace one entry, use policies with different periods",
                List.of(ev(8, 29), ev(6, 59), ev(7, 61), ev(9, 61)),
                rules(10, 60, 100, 30, 0),
                14,
                List.of(8, 6, 7, 5)),
            new StoreCase(
                t + "two entries, both actual",
                List.of(ev(7, 58), ev(6, 59)),
                rules(10, 120, 100, 30, 0),
                13,
                List.of(7, 6, 5)))
        .map(c -> Arguments.of(c.name(), c));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("storeScaleEvents")
  void storeScaleEvents(String name, StoreCase c) {
    Behavior behavior = new Behavior(c.rules(), c.rules());
    ScalingHistory history = new ScalingHistory(List.of(), c.previous(), c.previous());

    assertThat(BehaviorNormalizer.changeInPeriod(60, c.previous(), NOW))
        .isEqualTo(c.expectedChangeIn60s());
    ScalingHistory afterUp = normalizer.recordScaleEvent(history, behavior, 10, 15, NOW);
    ScalingHistory afterDown = normalizer.recordScaleEvent(history, behavior, 10, 5, NOW);
    assertThat(afterUp.scaleUpEvents())
        .extracting(ScaleEvent::replicaChange)
        .containsExactlyElementsOf(c.expectedEvents());
    assertThat(afterDown.scaleDownEvents())
        .extracting(ScaleEvent::replicaChange)
        .containsExactlyElementsOf(c.expectedEvents());
  }
}
