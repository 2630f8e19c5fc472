package dev.headroom.operator.signal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.operator.prometheus.LabeledValue;
import dev.headroom.operator.prometheus.SeriesSet;
import dev.headroom.operator.prometheus.TimedValue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A round never queues behind a refresh while a recent answer exists. */
class SharedQueryTest {

  static final Instant T0 = Instant.parse("2026-03-10T08:00:00Z");
  static final Duration MAX_AGE = Duration.ofSeconds(2);
  static final Duration SERVE_LIMIT = Duration.ofSeconds(10);

  final SharedQuery query = new SharedQuery("sum by (policy) (rate(requests_total[1m]))");
  final AtomicInteger asked = new AtomicInteger();
  final CountDownLatch refreshStarted = new CountDownLatch(1);
  final CountDownLatch releaseRefresh = new CountDownLatch(1);

  @AfterEach
  void release() {
    releaseRefresh.countDown();
  }

  @Test
  void aFreshAnswerIsServedWithoutAsking() {
    query.refresh(answer(20, T0));

    QueryAnswer a = query.read(T0.plusSeconds(1), MAX_AGE, SERVE_LIMIT, answer(25, T0));

    assertThat(value(a)).isEqualTo(20);
    assertThat(asked).hasValue(1);
  }

  @Test
  void aStaleAnswerNobodyRefreshesIsAskedAgain() {
    query.refresh(answer(20, T0));

    QueryAnswer a =
        query.read(T0.plusSeconds(3), MAX_AGE, SERVE_LIMIT, answer(25, T0.plusSeconds(3)));

    assertThat(value(a)).isEqualTo(25);
    assertThat(asked).hasValue(2);
  }

  @Test
  void whileARefreshIsUnderWayARoundTakesTheRecentAnswerWithoutWaiting() throws Exception {
    query.refresh(answer(20, T0));
    CompletableFuture<QueryAnswer> tick =
        CompletableFuture.supplyAsync(() -> query.refresh(slowAnswer(30, T0.plusSeconds(3))));
    assertThat(refreshStarted.await(10, TimeUnit.SECONDS)).isTrue();

    QueryAnswer a = query.read(T0.plusSeconds(3), MAX_AGE, SERVE_LIMIT, answer(99, T0));

    assertThat(value(a)).as("the answer of 3 s ago, not a second request").isEqualTo(20);
    releaseRefresh.countDown();
    assertThat(value(tick.get(10, TimeUnit.SECONDS))).isEqualTo(30);
    assertThat(asked).hasValue(2);
  }

  @Test
  void anAnswerOlderThanTheServeLimitWaitsForTheRefreshUnderWayInsteadOfAskingTwice()
      throws Exception {
    query.refresh(answer(20, T0));
    CompletableFuture<QueryAnswer> tick =
        CompletableFuture.supplyAsync(() -> query.refresh(slowAnswer(30, T0.plusSeconds(11))));
    assertThat(refreshStarted.await(10, TimeUnit.SECONDS)).isTrue();

    CompletableFuture<QueryAnswer> round =
        CompletableFuture.supplyAsync(
            () -> query.read(T0.plusSeconds(11), MAX_AGE, SERVE_LIMIT, answer(99, T0)));
    Thread.sleep(100);
    assertThat(round).as("the round waits for the refresh").isNotDone();
    releaseRefresh.countDown();

    assertThat(value(round.get(10, TimeUnit.SECONDS))).isEqualTo(30);
    assertThat(value(tick.get(10, TimeUnit.SECONDS))).isEqualTo(30);
    assertThat(asked).hasValue(2);
  }

  private Supplier<QueryAnswer> answer(double value, Instant at) {
    return () -> {
      asked.incrementAndGet();
      return QueryAnswer.of(
          new SeriesSet(
              query.promql,
              at,
              List.of(new LabeledValue(Map.of("policy", "cart"), new TimedValue(at, value)))),
          at);
    };
  }

  private Supplier<QueryAnswer> slowAnswer(double value, Instant at) {
    Supplier<QueryAnswer> answer = answer(value, at);
    return () -> {
      refreshStarted.countDown();
      try {
        releaseRefresh.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return answer.get();
    };
  }

  private static double value(QueryAnswer a) {
    return a.select(SeriesSet.Pick.of(Map.of("policy", "cart"))).value().orElseThrow();
  }
}
