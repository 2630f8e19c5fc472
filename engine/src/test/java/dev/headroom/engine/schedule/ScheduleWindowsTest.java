package dev.headroom.engine.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.engine.model.ScheduleSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A cached schedule state is the state a fresh evaluation gives, DST changes included. */
class ScheduleWindowsTest {

  private final ScheduleEvaluator evaluator = new ScheduleEvaluator();

  static Stream<Arguments> dstWeeks() {
    return Stream.of(
        Arguments.of(
            "Berlin spring forward, start in the gap",
            "30 2 * * *",
            "Europe/Berlin",
            "2026-03-27T00:00:00Z",
            Duration.ofHours(2),
            Duration.ofMinutes(45)),
        Arguments.of(
            "Berlin fall back, weekday window",
            "0 8 * * 1-5",
            "Europe/Berlin",
            "2026-10-23T00:00:00Z",
            Duration.ofHours(10),
            Duration.ofMinutes(15)),
        Arguments.of(
            "New York fall back, start in the repeated hour",
            "30 1 * * *",
            "America/New_York",
            "2026-10-31T00:00:00Z",
            Duration.ofMinutes(90),
            Duration.ofMinutes(20)),
        Arguments.of(
            "New York spring forward, every 15 minutes",
            "*/15 * * * *",
            "America/New_York",
            "2026-03-07T12:00:00Z",
            Duration.ofMinutes(10),
            Duration.ofMinutes(3)),
        Arguments.of(
            "Lord Howe half-hour shift, every 3 hours",
            "0 */3 * * *",
            "Australia/Lord_Howe",
            "2026-04-03T00:00:00Z",
            Duration.ofMinutes(200),
            Duration.ofMinutes(30)),
        Arguments.of(
            "window longer than the interval, across the week",
            "45 23 * * 0",
            "UTC",
            "2026-03-27T00:00:00Z",
            Duration.ofDays(8),
            Duration.ZERO));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dstWeeks")
  void forwardBackwardAndShuffledSweepsMatchFreshEvaluation(
      String name, String cron, String zone, String from, Duration duration, Duration lead) {
    ScheduleSpec spec = new ScheduleSpec("s", cron, zone, duration, lead, 7);
    ScheduleWindows windows = new ScheduleWindows(spec);
    List<Instant> probes = new ArrayList<>();
    for (Instant t = Instant.parse(from);
        probes.size() < 3 * 24 * 60 / 13;
        t = t.plusSeconds(780)) {
      probes.add(t);
    }
    List<Instant> backward = new ArrayList<>(probes);
    Collections.reverse(backward);
    List<Instant> shuffled = new ArrayList<>(probes);
    Collections.shuffle(shuffled, new Random(20261205L));

    for (List<Instant> sweep : List.of(probes, backward, shuffled)) {
      for (Instant t : sweep) {
        assertThat(windows.at(t)).as("%s at %s", name, t).isEqualTo(evaluator.evaluate(spec, t));
      }
    }
    // A state is computed once per interval, not once per probe.
    assertThat(windows.size()).isLessThan(probes.size() / 2);
  }

  @Test
  void returnsTheSameStateWithinAnIntervalAndANewOneAfterIt() {
    ScheduleSpec spec =
        new ScheduleSpec(
            "business-hours",
            "0 8 * * 1-5",
            "Europe/Berlin",
            Duration.ofHours(10),
            Duration.ofMinutes(15),
            8);
    ScheduleWindows windows = new ScheduleWindows(spec);

    // Monday 2026-03-02, 08:00 CET = 07:00Z; open until 17:00Z.
    WindowState nine = windows.at(Instant.parse("2026-03-02T08:00:00Z"));
    WindowState four = windows.at(Instant.parse("2026-03-02T15:00:00Z"));
    WindowState closed = windows.at(Instant.parse("2026-03-02T17:00:00Z"));

    assertThat(four).isSameAs(nine);
    assertThat(nine.phase()).isEqualTo(WindowPhase.ACTIVE);
    assertThat(closed.phase()).isEqualTo(WindowPhase.INACTIVE);
    assertThat(windows.size()).isEqualTo(2);
  }

  @Test
  void keepsABoundedNumberOfIntervals() {
    ScheduleSpec spec =
        new ScheduleSpec("s", "*/5 * * * *", "UTC", Duration.ofMinutes(2), Duration.ZERO, 3);
    ScheduleWindows windows = new ScheduleWindows(spec);

    for (Instant t = Instant.parse("2026-06-01T00:00:00Z");
        t.isBefore(Instant.parse("2026-06-02T00:00:00Z"));
        t = t.plusSeconds(60)) {
      assertThat(windows.at(t)).isEqualTo(evaluator.evaluate(spec, t));
    }

    assertThat(windows.size()).isEqualTo(ScheduleWindows.MAX_SEGMENTS);
  }

  static final String[] CRONS = {
    "0 9 * * 1-5",
    "30 2 * * *",
    "30 1 * * *",
    "*/20 * * * *",
    "0 */4 * * *",
    "15 3 1 * *",
    "0 0 * * 0",
    "59 23 * * 6",
    "0 2 29 3 *",
    "5 1-3 * * *"
  };
  static final String[] ZONES = {
    "Europe/Berlin",
    "America/New_York",
    "Australia/Lord_Howe",
    "Asia/Kolkata",
    "UTC",
    "America/Santiago",
    "Pacific/Chatham"
  };

  @Property(tries = 120, seed = "20261205")
  void aWarmCacheAnswersAsAFreshEvaluation(
      @ForAll @IntRange(min = 0, max = 9) int cron,
      @ForAll @IntRange(min = 0, max = 6) int zone,
      @ForAll @IntRange(min = 1, max = 3000) int durationMinutes,
      @ForAll @IntRange(min = 0, max = 120) int leadMinutes,
      @ForAll @LongRange(min = 0, max = 2 * 365 * 24 * 60) long startMinute,
      @ForAll long seed) {
    ScheduleSpec spec =
        new ScheduleSpec(
            "s",
            CRONS[cron],
            ZONES[zone],
            Duration.ofMinutes(durationMinutes),
            Duration.ofMinutes(leadMinutes),
            4);
    ScheduleWindows windows = new ScheduleWindows(spec);
    Instant start = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(60 * startMinute);
    Random random = new Random(seed);

    for (int i = 0; i < 30; i++) {
      // Seconds too, and now and then a jump of days either way.
      long offset =
          random.nextInt(10) == 0
              ? (random.nextInt(20) - 10) * 86_400L + random.nextInt(86_400)
              : random.nextInt(4 * 3600);
      Instant t = start.plusSeconds(offset).plusNanos(random.nextInt(1000) * 1_000_000L);
      assertThat(windows.at(t)).as("%s at %s", spec, t).isEqualTo(evaluator.evaluate(spec, t));
    }
  }
}
