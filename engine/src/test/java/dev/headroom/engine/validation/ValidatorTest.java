package dev.headroom.engine.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.engine.budget.AllocationStrategy;
import dev.headroom.engine.budget.BudgetSpec;
import dev.headroom.engine.budget.ConsumerDemand;
import dev.headroom.engine.model.Behavior;
import dev.headroom.engine.model.Capacity;
import dev.headroom.engine.model.ConcurrencySignal;
import dev.headroom.engine.model.Connections;
import dev.headroom.engine.model.ForecastSpec;
import dev.headroom.engine.model.LoadSignal;
import dev.headroom.engine.model.PolicySpec;
import dev.headroom.engine.model.ResourceKind;
import dev.headroom.engine.model.ScalingPolicyRule;
import dev.headroom.engine.model.ScalingRules;
import dev.headroom.engine.model.ScheduleSpec;
import dev.headroom.engine.model.Seasonality;
import dev.headroom.engine.model.SelectPolicy;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ValidatorTest {

  private final PolicyValidator policies = new PolicyValidator();
  private final BudgetValidator budgets = new BudgetValidator();

  static ScheduleSpec morning() {
    return new ScheduleSpec(
        "morning", "0 9 * * 1-5", "Europe/Berlin", Duration.ofHours(2), Duration.ofMinutes(15), 6);
  }

  /** A valid policy; each case breaks exactly one rule of it. */
  static PolicySpec.Builder valid() {
    return PolicySpec.builder("shop/api", 2, 10)
        .load(LoadSignal.averageValue("rps", 40))
        .connections(new Connections("db/pg-main", 5, 20, 1));
  }

  static Arguments invalid(String description, PolicySpec spec, String field, String message) {
    return Arguments.of(description, spec, new Violation(field, message));
  }

  static PolicySpec withSchedule(UnaryOperator<ScheduleSpec> change) {
    return valid().schedule(change.apply(morning())).build();
  }

  static ScheduleSpec schedule(
      String cron, String zone, Duration duration, Duration lead, int min) {
    return new ScheduleSpec("morning", cron, zone, duration, lead, min);
  }

  static Stream<Arguments> invalidPolicies() {
    return Stream.of(
        invalid(
            "min above max",
            PolicySpec.builder("shop/api", 5, 3).load(LoadSignal.averageValue("rps", 40)).build(),
            "spec.replicas.min",
            "must be <= spec.replicas.max (5 > 3)"),
        invalid(
            "negative min",
            PolicySpec.builder("shop/api", -1, 3).load(LoadSignal.averageValue("rps", 40)).build(),
            "spec.replicas.min",
            "must be >= 0, got -1"),
        invalid(
            "nothing to scale on",
            PolicySpec.builder("shop/api", 1, 3).build(),
            "spec.load",
            "at least one load signal, concurrency signal or schedule is required"),
        invalid(
            "zero target",
            PolicySpec.builder("shop/api", 1, 3).load(LoadSignal.pods("latency", 0)).build(),
            "spec.load.signals[0].target",
            "must be a positive number, got 0"),
        invalid(
            "duplicate signal",
            valid().load(LoadSignal.value("rps", 100)).build(),
            "spec.load.signals[1].name",
            "duplicate signal name 'rps'"),
        invalid(
            "pool range inverted",
            PolicySpec.builder("shop/api", 1, 3)
                .load(LoadSignal.averageValue("rps", 40))
                .connections(new Connections("db/pg-main", 10, 5, 1))
                .build(),
            "spec.connections.poolSize.max",
            "must be >= spec.connections.poolSize.min (5 < 10)"),
        invalid(
            "pool min zero",
            PolicySpec.builder("shop/api", 1, 3)
                .load(LoadSignal.averageValue("rps", 40))
                .connections(new Connections("db/pg-main", 0, 5, 1))
                .build(),
            "spec.connections.poolSize.min",
            "must be >= 1, got 0"),
        invalid(
            "negative surge",
            PolicySpec.builder("shop/api", 1, 3)
                .load(LoadSignal.averageValue("rps", 40))
                .connections(new Connections("db/pg-main", 1, 5, -1))
                .build(),
            "spec.connections.maxSurge",
            "must be >= 0, got -1"),
        invalid(
            "missing budget ref",
            PolicySpec.builder("shop/api", 1, 3)
                .load(LoadSignal.averageValue("rps", 40))
                .connections(new Connections(" ", 1, 5, 0))
                .build(),
            "spec.connections.budgetRef",
            "must not be empty"),
        invalid(
            "cron out of range",
            withSchedule(s -> schedule("61 9 * * *", s.timeZone(), s.duration(), s.leadTime(), 6)),
            "spec.schedules[0].cron",
            "invalid 5-field cron expression '61 9 * * *': Failed to"
                + " parse cron expression. Value 61 not in range [0, 59]"),
        invalid(
            "cron with six fields",
            withSchedule(s -> schedule("0 0 9 * * *", s.timeZone(), s.duration(), s.leadTime(), 6)),
            "spec.schedules[0].cron",
            "invalid 5-field cron expression '0 0 9 * * *': Cron"
                + " expression contains 6 parts but we expect one of [5]"),
        invalid(
            "cron with a full-width digit, which the cron library would read as 0",
            withSchedule(
                s -> schedule("\uff10 9 * * *", s.timeZone(), s.duration(), s.leadTime(), 6)),
            "spec.schedules[0].cron",
            "invalid 5-field cron expression '\uff10 9 * * *': only ASCII"
                + " characters are allowed"),
        invalid(
            "cron that never fires",
            withSchedule(s -> schedule("0 0 31 2 *", s.timeZone(), s.duration(), s.leadTime(), 6)),
            "spec.schedules[0].cron",
            "cron expression '0 0 31 2 *' never fires"),
        invalid(
            "unknown zone",
            withSchedule(
                s -> schedule(s.cron(), "Mars/Olympus_Mons", s.duration(), s.leadTime(), 6)),
            "spec.schedules[0].timeZone",
            "unknown IANA time zone 'Mars/Olympus_Mons'"),
        invalid(
            "zero duration",
            withSchedule(s -> schedule(s.cron(), s.timeZone(), Duration.ZERO, s.leadTime(), 6)),
            "spec.schedules[0].duration",
            "must be a positive duration, got PT0S"),
        invalid(
            "negative lead time",
            withSchedule(
                s -> schedule(s.cron(), s.timeZone(), s.duration(), Duration.ofMinutes(-5), 6)),
            "spec.schedules[0].leadTime",
            "must not be negative, got PT-5M"),
        invalid(
            "lead time as long as the period",
            withSchedule(
                s -> schedule("0 * * * *", s.timeZone(), s.duration(), Duration.ofHours(1), 6)),
            "spec.schedules[0].leadTime",
            "must be shorter than the shortest interval between two starts (PT1H), got PT1H"),
        invalid(
            "schedule floor above max",
            withSchedule(s -> schedule(s.cron(), s.timeZone(), s.duration(), s.leadTime(), 20)),
            "spec.schedules[0].minReplicas",
            "exceeds spec.replicas.max (20 > 10)"),
        invalid(
            "capacity utilization above one",
            valid()
                .concurrency(ConcurrencySignal.of("inflight"))
                .capacity(Capacity.of(ResourceKind.THREADS, 200, 1.5))
                .build(),
            "spec.capacity.targetUtilization",
            "must be in (0, 1], got 1.5"),
        invalid(
            "request costs more than a replica",
            valid()
                .concurrency(ConcurrencySignal.of("inflight"))
                .capacity(Capacity.perRequest(ResourceKind.MEMORY, 512, 1024, 0.8))
                .build(),
            "spec.capacity.perRequest",
            "one request (1024) costs more than a replica has (512)"),
        invalid(
            "capacity without concurrency",
            valid().capacity(Capacity.of(ResourceKind.THREADS, 200, 0.8)).build(),
            "spec.capacity",
            "needs spec.load.concurrency (rate and latency) to size replicas by capacity"),
        invalid(
            "concurrency without capacity",
            valid().concurrency(ConcurrencySignal.of("inflight")).build(),
            "spec.load.concurrency",
            "needs spec.capacity or targetInFlightPerReplica to turn"
                + " in-flight requests into replicas"),
        invalid(
            "forecast lead beyond horizon",
            valid()
                .forecast(
                    new ForecastSpec(
                        true, Duration.ofDays(14), Duration.ofHours(1), Duration.ofHours(2)))
                .build(),
            "spec.forecast.leadTime",
            "must not exceed spec.forecast.horizon (PT2H > PT1H)"),
        invalid(
            "forecast of an unknown signal",
            valid()
                .forecast(
                    new ForecastSpec(
                        true,
                        Duration.ofDays(14),
                        Duration.ofHours(1),
                        Duration.ofMinutes(10),
                        Seasonality.WEEKLY,
                        "nope"))
                .build(),
            "spec.forecast.signal",
            "names no load signal of this policy: 'nope'"),
        invalid(
            "stabilization window too long",
            valid()
                .behavior(
                    new Behavior(
                        new ScalingRules(
                            4000, SelectPolicy.MAX, List.of(ScalingPolicyRule.pods(4, 15))),
                        ScalingRules.scaleDownDefaults()))
                .build(),
            "spec.behavior.scaleUp.stabilizationWindowSeconds",
            "must be between 0 and 3600, got 4000"),
        invalid(
            "no rate policy",
            valid()
                .behavior(
                    new Behavior(
                        ScalingRules.scaleUpDefaults(),
                        new ScalingRules(300, SelectPolicy.MAX, List.of())))
                .build(),
            "spec.behavior.scaleDown.policies",
            "must specify at least one policy"),
        invalid(
            "rate period too long",
            valid()
                .behavior(
                    new Behavior(
                        new ScalingRules(
                            0, SelectPolicy.MAX, List.of(ScalingPolicyRule.percent(100, 3600))),
                        ScalingRules.scaleDownDefaults()))
                .build(),
            "spec.behavior.scaleUp.policies[0].periodSeconds",
            "must be between 1 and 1800, got 3600"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidPolicies")
  void invalidPolicyGetsItsMessage(String description, PolicySpec spec, Violation expected) {
    assertThat(policies.validate(spec)).containsExactly(expected);
  }

  @Test
  void aValidPolicyHasNoViolations() {
    assertThat(policies.validate(valid().schedule(morning()).build())).isEmpty();
  }

  static Stream<Arguments> invalidBudgets() {
    return Stream.of(
        Arguments.of(
            "reserved equals max",
            new BudgetSpec("db/pg", 200, 200, AllocationStrategy.PROPORTIONAL),
            new Violation("spec.reserved", "must be less than spec.maxConnections (200 >= 200)")),
        Arguments.of(
            "zero max",
            new BudgetSpec("db/pg", 0, 0, AllocationStrategy.PRIORITY),
            new Violation("spec.maxConnections", "must be >= 1, got 0")),
        Arguments.of(
            "negative reserved",
            new BudgetSpec("db/pg", 100, -5, AllocationStrategy.PRIORITY),
            new Violation("spec.reserved", "must be >= 0, got -5")),
        Arguments.of(
            "no allocation",
            new BudgetSpec("db/pg", 100, 5, null),
            new Violation("spec.allocation", "must be Proportional or Priority")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidBudgets")
  void invalidBudgetGetsItsMessage(String description, BudgetSpec budget, Violation expected) {
    assertThat(budgets.validate(budget)).containsExactly(expected);
  }

  @Test
  void consumersAreCheckedWithTheBudget() {
    BudgetSpec budget = new BudgetSpec("db/pg", 100, 5, AllocationStrategy.PROPORTIONAL);
    List<ConsumerDemand> consumers =
        List.of(
            new ConsumerDemand("shop/api", 0, 1, 2, 5, 3, 0),
            new ConsumerDemand("shop/api", 0, 1, 2, 1, 3, 0));

    assertThat(budgets.validate(budget, consumers))
        .containsExactly(
            new Violation("consumers[shop/api].poolMax", "must be >= poolMin (3 < 5)"),
            new Violation("consumers[shop/api]", "duplicate consumer"));
  }
}
