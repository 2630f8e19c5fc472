package dev.headroom.operator.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.headroom.operator.prometheus.PrometheusClient;
import dev.headroom.operator.prometheus.PrometheusEndpoint;
import dev.headroom.operator.prometheus.PrometheusException;
import dev.headroom.operator.prometheus.TimedValue;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The history cache with a hand-run executor and the operator clock passed in: deterministic. */
class HistoryCacheTest {

  static final Instant T0 = Instant.parse("2026-11-17T08:20:00Z");
  static final Duration REFRESH = Duration.ofMinutes(10);
  static final Duration RETRY = Duration.ofMinutes(1);
  static final HistoryKey KEY =
      HistoryKey.of("uid-1", "sum(rate(req[1m]))", Duration.ofDays(14), 11_000);

  /** Queues tasks until the test runs them. */
  static final class ManualExecutor implements java.util.concurrent.Executor {
    final Deque<Runnable> tasks = new ArrayDeque<>();
    boolean reject;

    @Override
    public void execute(Runnable task) {
      if (reject) {
        throw new RejectedExecutionException("full");
      }
      tasks.add(task);
    }

    int runAll() {
      int n = 0;
      while (!tasks.isEmpty()) {
        tasks.poll().run();
        n++;
      }
      return n;
    }
  }

  /** Answers from a script and records each range it was asked for. */
  static final class ScriptedSource implements HistorySource {
    final List<Instant> asked = new ArrayList<>();
    final Deque<Object> answers = new ArrayDeque<>();

    @Override
    public List<TimedValue> fetch(HistoryKey key, Instant end) throws PrometheusException {
      asked.add(end);
      Object next = answers.poll();
      if (next instanceof PrometheusException e) {
        throw e;
      }
      @SuppressWarnings("unchecked")
      List<TimedValue> samples = (List<TimedValue>) next;
      return samples;
    }
  }

  /** A real refusal: nothing listens on port 1 of the loopback. */
  static PrometheusException unreachable() {
    try {
      new PrometheusClient(PrometheusEndpoint.of(URI.create("http://127.0.0.1:1")))
          .instantValue("q", T0);
    } catch (PrometheusException e) {
      return e;
    }
    throw new AssertionError("a query to port 1 answered");
  }

  final ManualExecutor executor = new ManualExecutor();
  final ScriptedSource source = new ScriptedSource();
  final HistoryCache cache = new HistoryCache(source, executor, REFRESH, RETRY);

  static List<TimedValue> samples(double... values) {
    List<TimedValue> out = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      out.add(new TimedValue(T0.minus(Duration.ofMinutes(5L * (values.length - i))), values[i]));
    }
    return out;
  }

  @Test
  void firstAskIsPendingAndQueuesExactlyOneQueryEndingOnAStep() {
    History first = cache.current(KEY, T0.plusSeconds(130));
    History again = cache.current(KEY, T0.plusSeconds(140));

    assertThat(first.state()).isEqualTo(History.State.PENDING);
    assertThat(again.state()).isEqualTo(History.State.PENDING);
    assertThat(executor.tasks).hasSize(1);
    source.answers.add(samples(1, 2, 3));
    executor.runAll();
    assertThat(source.asked).containsExactly(T0);
  }

  @Test
  void servesTheAnswerFromCacheUntilTheRefreshPeriodHasPassed() {
    source.answers.add(samples(1, 2, 3));
    cache.current(KEY, T0);
    executor.runAll();

    History fetched = cache.current(KEY, T0.plus(REFRESH).minusSeconds(1));
    assertThat(fetched.state()).isEqualTo(History.State.FETCHED);
    assertThat(fetched.samples()).extracting(TimedValue::value).containsExactly(1.0, 2.0, 3.0);
    assertThat(fetched.end()).contains(T0);
    assertThat(executor.tasks).isEmpty();

    source.answers.add(samples(4, 5));
    History stillOld = cache.current(KEY, T0.plus(REFRESH));
    assertThat(stillOld.samples()).hasSize(3);
    assertThat(executor.runAll()).isEqualTo(1);
    assertThat(cache.current(KEY, T0.plus(REFRESH)).samples())
        .extracting(TimedValue::value)
        .containsExactly(4.0, 5.0);
    assertThat(source.asked).containsExactly(T0, T0.plus(REFRESH));
  }

  @Test
  void aFailureBeforeAnyAnswerIsReportedAndRetriedAfterTheRetryPeriod() {
    source.answers.add(unreachable());
    cache.current(KEY, T0);
    executor.runAll();

    History failed = cache.current(KEY, T0.plus(RETRY).minusSeconds(1));
    assertThat(failed.state()).isEqualTo(History.State.FAILED);
    assertThat(failed.error()).hasValueSatisfying(m -> assertThat(m).contains("unreachable"));
    assertThat(failed.samples()).isEmpty();
    assertThat(executor.tasks).isEmpty();

    source.answers.add(samples(7));
    cache.current(KEY, T0.plus(RETRY));
    executor.runAll();
    History recovered = cache.current(KEY, T0.plus(RETRY));
    assertThat(recovered.state()).isEqualTo(History.State.FETCHED);
    assertThat(recovered.error()).isEmpty();
  }

  @Test
  void aFailedRefreshKeepsTheLastGoodHistory() {
    source.answers.add(samples(1, 2));
    cache.current(KEY, T0);
    executor.runAll();
    source.answers.add(unreachable());
    cache.current(KEY, T0.plus(REFRESH));
    executor.runAll();

    History kept = cache.current(KEY, T0.plus(REFRESH).plusSeconds(1));
    assertThat(kept.state()).isEqualTo(History.State.FETCHED);
    assertThat(kept.samples()).hasSize(2);
    assertThat(kept.error()).isPresent();
    // the retry follows the retry period, not the refresh period
    assertThat(executor.tasks).isEmpty();
    cache.current(KEY, T0.plus(REFRESH).plus(RETRY));
    assertThat(executor.tasks).hasSize(1);
  }

  @Test
  void aNewQueryOrLookbackStartsAFreshHistory() {
    source.answers.add(samples(1, 2));
    cache.current(KEY, T0);
    executor.runAll();

    HistoryKey otherQuery =
        HistoryKey.of("uid-1", "sum(rate(other[1m]))", Duration.ofDays(14), 11_000);
    assertThat(cache.current(otherQuery, T0.plusSeconds(1)).state())
        .isEqualTo(History.State.PENDING);
    assertThat(cache.current(otherQuery, T0.plusSeconds(1)).samples()).isEmpty();
    HistoryKey otherLookback =
        HistoryKey.of("uid-1", "sum(rate(other[1m]))", Duration.ofDays(7), 11_000);
    assertThat(cache.current(otherLookback, T0.plusSeconds(2)).state())
        .isEqualTo(History.State.PENDING);
    assertThat(cache.policies()).containsExactly("uid-1");
  }

  @Test
  void anAnswerForAReplacedKeyIsNotServedUnderTheNewOne() {
    cache.current(KEY, T0);
    HistoryKey other = HistoryKey.of("uid-1", "other", Duration.ofDays(14), 11_000);
    cache.current(other, T0);
    source.answers.add(samples(1));
    source.answers.add(samples(9, 9));
    executor.runAll();
    assertThat(cache.current(other, T0).samples())
        .extracting(TimedValue::value)
        .containsExactly(9.0, 9.0);
  }

  @Test
  void retainDropsDeletedPolicies() {
    cache.current(KEY, T0);
    cache.current(HistoryKey.of("uid-2", "q", Duration.ofDays(1), 11_000), T0);

    cache.retain(Set.of("uid-2"));

    assertThat(cache.policies()).containsExactly("uid-2");
  }

  @Test
  void aFullExecutorLeavesTheHistoryPendingAndIsAskedAgainNextTime() {
    executor.reject = true;
    assertThat(cache.current(KEY, T0).state()).isEqualTo(History.State.PENDING);
    executor.reject = false;
    cache.current(KEY, T0.plusSeconds(1));
    assertThat(executor.tasks).hasSize(1);
  }

  @Test
  void aHangingPrometheusNeverBlocksTheCaller() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch entered = new CountDownLatch(1);
    HistorySource hanging =
        (key, end) -> {
          entered.countDown();
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return samples(1);
        };
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      HistoryCache slow = new HistoryCache(hanging, pool, REFRESH, RETRY);
      HistoryKey other = HistoryKey.of("uid-2", "q", Duration.ofDays(1), 11_000);
      slow.current(KEY, T0);
      assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
      // The one worker hangs in the query of uid-1: both policies still get an answer at once.
      assertThat(slow.current(KEY, T0.plusSeconds(5)).state()).isEqualTo(History.State.PENDING);
      assertThat(slow.current(other, T0.plusSeconds(5)).state()).isEqualTo(History.State.PENDING);
      release.countDown();
    } finally {
      release.countDown();
      pool.shutdown();
      assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void theStepIsTheFinestThatFitsPrometheusPointLimit() {
    assertThat(KEY.step()).isEqualTo(Duration.ofMinutes(5));
    assertThat(KEY.points()).isEqualTo(4033);
    HistoryKey long60d = HistoryKey.of("u", "q", Duration.ofDays(60), 11_000);
    assertThat(long60d.step()).isEqualTo(Duration.ofMinutes(8));
    assertThat(long60d.points()).isLessThanOrEqualTo(11_000);
    HistoryKey tight = HistoryKey.of("u", "q", Duration.ofDays(14), 2_000);
    assertThat(tight.points()).isLessThanOrEqualTo(2_000);
    assertThatThrownBy(() -> HistoryKey.of("u", "q", Duration.ZERO, 11_000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lookback");
  }

  @Test
  void refusesNonPositivePeriods() {
    assertThatThrownBy(() -> new HistoryCache(source, executor, Duration.ZERO, RETRY))
        .hasMessageContaining("refreshPeriod");
    assertThatThrownBy(() -> new HistoryCache(source, executor, REFRESH, Duration.ofSeconds(-1)))
        .hasMessageContaining("retryPeriod");
  }
}
